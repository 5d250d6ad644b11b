import { defineJob } from '../../kernel/jobs/index.js';
import type { IdentityService } from './identity.service.js';

export const identityJobs = (service: IdentityService) => [
  defineJob({
    name: 'identity.purge-expired',
    title: '清理过期会话 Remove expired sessions and sign-in counters',
    every: 60 * 60_000,
    run: async () => ({ removed: await service.purgeExpired() }),
  }),
];
