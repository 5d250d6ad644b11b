/** What a demo deployment says about itself (COUNTYHUB_DEMO): its online payments are simulated. */
export const demoMessages = {
  'demo.banner': ['演示环境：在线支付为模拟，不收取真实款项', 'Demo: online payment is simulated, no money is taken'],
  'checkout.payment.onlineSimulated': ['演示环境：模拟支付，不收取真实款项', 'Demo: simulated payment, no money is taken'],
} as const satisfies Record<string, readonly [string, string]>;
