import type { Translate } from '../../../app/locale/LocaleContext.js';
import { messages, type MessageKey } from '../../../app/locale/messages.js';

const known = (key: string): key is MessageKey => key in messages;

/** The record type in Chinese; a type nobody labelled yet is "其他记录", never its code. */
export function entityLabel(t: Translate, type: string): string {
  const key = `audit.entity.${type}`;
  return known(key) ? t(key) : t('audit.unknownEntity');
}

/** The action in Chinese; one without a label yet says which kind of record it changed. */
export function actionLabel(t: Translate, action: string): string {
  const key = `action.${action}`;
  if (known(key)) return t(key);
  const type = action.split('.')[0];
  return t('audit.otherAction', { entity: entityLabel(t, type === 'logistics' ? action.split('.')[1] : type) });
}

/** Records whose number is what a person knows them by (a division code, a waybill, a network address). */
export const SHOWN_BY_NUMBER = new Set(['division', 'county', 'waybill', 'address']);
