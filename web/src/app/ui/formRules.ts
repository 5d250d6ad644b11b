import type { FormRule } from 'antd';
import type { Translate } from '../locale/LocaleContext.js';
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
  };
}
