import type { FormRule } from 'antd';
import type { Translate } from '../locale/LocaleContext.js';
import { CREDIT_CODE_PATTERN, ID_NUMBER_PATTERN } from '../identifiers.js';
import { strongPassword } from '../passwords.js';
import { PHONE_PATTERN } from '../phone.js';

/** The form rules every console form uses, worded through the dictionary. */
export function formRules(t: Translate) {
  return {
    /** A text field that must not be empty or only spaces. */
    required: (field: string): FormRule => ({ required: true, whitespace: true, message: t('form.required', { field }) }),
    /** A choice (select, date) that must be made. */
    chosen: (field: string): FormRule => ({ required: true, message: t('form.choose', { field }) }),
    max: (field: string, max: number): FormRule => ({ max, message: t('form.tooLong', { field, max }) }),
    phone: { pattern: PHONE_PATTERN, message: t('form.phoneInvalid') } satisfies FormRule,
    /** A new password held to the server's rule. */
    password: {
      validator: (_, value: string | undefined) => (!value || strongPassword(value) ? Promise.resolve() : Promise.reject(new Error(t('users.passwordWeak')))),
    } satisfies FormRule,
    /** The form of a 统一社会信用代码; its check characters are the server's to judge. */
    creditCode: { pattern: CREDIT_CODE_PATTERN, message: t('form.creditCodeFormat') } satisfies FormRule,
    /** The form of a 居民身份证号码; its birth date and check character are the server's to judge. */
    idNumber: { pattern: ID_NUMBER_PATTERN, message: t('form.idNumberFormat') } satisfies FormRule,
  };
}
