import type { Clock } from '../../kernel/clock.js';
import type { AnyKysely } from '../../kernel/db.js';
import { invalidField } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { maskPhone } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import type { NotifyRepository } from './notify.repository.js';

export interface SmsMessage {
  phone: string;
  template: string;
  params: Record<string, string>;
  /** What it is about (a parcel id, a recall id), so a sender can find what it sent. */
  ref: string;
}

/**
 * Sends a text message. A provider's adapter sends through its API; it is called inside the caller's transaction
 * so a message is recorded only when what it announces is stored.
 */
export interface SmsSender {
  send(trx: AnyKysely, message: SmsMessage): Promise<void>;
}

/** Message texts (China's SMS rules want the signature in 【】 first). */
export const SMS_TEMPLATES: Record<string, string> = {
  parcel_arrived: '【{county}电商】您的{carrier}包裹（运单尾号{waybillTail}）已到{point}，取件码{code}，请凭取件码领取。',
  parcel_reminder: '【{county}电商】您的包裹（运单尾号{waybillTail}）在{point}已等候{days}天，取件码{code}，请尽快领取。',
  recall_notice: '【{county}电商】召回通知：您在订单{orderTail}购买的{product}（追溯码{batchCode}）被监管部门召回，请停止食用，登录商城“我的订单”选择退货或处理方式。',
  sign_in_code: '【{county}电商】验证码{code}，用于登录网上商城，5分钟内有效。请勿告诉他人；如非本人操作，请忽略本短信。',
  order_at_point: '【{county}电商】{point}已为您下单：{items}，共{amount}元，订单号{orderNo}。请在{payBy}前到服务点付款，货到后凭订单号取货。',
};

export function renderSms(template: string, params: Record<string, string>): string {
  const text = SMS_TEMPLATES[template];
  if (!text) throw invalidField('template', `no SMS template ${template}`);
  return text.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? '');
}

/** The local implementation: every message is kept in the outbox table (phone sealed) instead of going out. */
export class LocalSmsOutbox implements SmsSender {
  constructor(
    private readonly repo: NotifyRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  async send(trx: AnyKysely, message: SmsMessage): Promise<void> {
    if (!/^1\d{10}$/.test(message.phone)) throw invalidField('phone', 'must be an 11-digit mobile number');
    await this.repo.insertSms(trx, {
      id: newId('sms', this.clock.now().getTime()),
      phone: this.sealer.seal(message.phone),
      phone_masked: maskPhone(message.phone)!,
      phone_print: this.sealer.fingerprint(message.phone),
      template: message.template,
      body: renderSms(message.template, message.params),
      ref: message.ref,
      created_at: this.clock.now().toISOString(),
    });
  }
}
