import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What an online payment provider does for us; the only one reachable here is the local one below. */
export interface PaymentProvider {
  readonly name: string;
  /** Starts a payment; the buyer is sent to payUrl. */
  start(orderId: string, amountFen: number): { providerRef: string; payUrl: string };
  /** Whether a callback body really comes from the provider. */
  verify(rawBody: string, signature: string | undefined): boolean;
}

export interface PaymentCallback {
  providerRef: string;
  orderId: string;
  amountFen: number;
  status: 'succeeded';
}

/**
 * A provider that runs inside the platform: its pay page confirms at once and it signs its callbacks with
 * HMAC-SHA256 under a secret, exactly as a real provider's callbacks are checked.
 */
export class LocalPaymentProvider implements PaymentProvider {
  readonly name = 'local';
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  start(orderId: string): { providerRef: string; payUrl: string } {
    const providerRef = `lp_${randomBytes(12).toString('hex')}`;
    return { providerRef, payUrl: `/api/v1/payments/local/${providerRef}/pay?order=${orderId}` };
  }

  sign(rawBody: string): string {
    return createHmac('sha256', this.secret).update(rawBody).digest('hex');
  }

  verify(rawBody: string, signature: string | undefined): boolean {
    if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
    return timingSafeEqual(Buffer.from(this.sign(rawBody), 'hex'), Buffer.from(signature, 'hex'));
  }
}
