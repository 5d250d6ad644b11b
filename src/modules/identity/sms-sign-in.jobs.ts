import { defineJob } from '../../kernel/jobs/index.js';
import type { SmsSignIn } from './sms-sign-in.service.js';

export const smsSignInJobs = (signIn: SmsSignIn) => [
  defineJob({
    name: 'identity.purge-sms-codes',
    title: '清理过期验证码 Remove expired sign-in codes and their counters',
    every: 60 * 60_000,
    run: async () => {
      await signIn.purge();
      return {};
    },
  }),
];
