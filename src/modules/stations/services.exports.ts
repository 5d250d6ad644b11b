/** What the services part (站点服务 B) gives outside the module: the provider interface, the local provider, the job. */
export { LocalProvider } from './providers/local.js';
export type { ServiceProvider, SubmitAnswer, SubmitRequest } from './providers/provider.js';
export { PROVIDERS } from './providers/registry.js';
export { PROVIDER_SUBMIT_JOB, ProviderSubmitter } from './provider-submit.job.js';
