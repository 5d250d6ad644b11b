import type { SignInSms } from '../modules/identity/index.js';
import type { NetworkService } from '../modules/network/index.js';
import type { SmsSender } from '../modules/notify/index.js';

/** A shopper's sign-in code goes out through the notify module's sender, signed with the county's name. */
export const signInTexts = (sms: SmsSender, network: NetworkService): SignInSms => ({
  async codeText(phone, code) {
    const county = await network.county().catch(() => ({ name: '' }));
    return (trx) => sms.send(trx, { phone, template: 'sign_in_code', params: { county: county.name, code }, ref: 'sign-in' });
  },
});
