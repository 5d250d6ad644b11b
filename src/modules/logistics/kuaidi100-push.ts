import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestContext } from '../../kernel/context.js';
import { AppError, invalidField } from '../../kernel/errors.js';
import { calendarInstant } from './calendar.js';
import { carrierEventId, fromKuaidi100 } from './kuaidi100.js';
import { CARRIER_CODES, type CarrierCode } from './logistics.tables.js';
import type { ScanInput } from './logistics.schema.js';
import { requireText } from './text-check.js';

/** A carrier's tracking as Kuaidi100 pushes it: `lastResult` of its callback. */
export interface Kuaidi100Result {
  nu: string;
  com: string;
  data: { time: string; context: string; status?: string; state?: string | number }[];
}

/**
 * The pushed tracking as scans: each time read strictly as a calendar date and time in Asia/Shanghai (a
 * `2026-02-30 10:00:00` is refused, not stored as 2 March), each state mapped to our scan, each context checked as
 * text. The event id is made from carrier, waybill, instant and scan, so a push repeated in either shape is stored once.
 */
export function pushScans(push: Kuaidi100Result, field: (name: string) => string): ScanInput[] {
  return push.data.map((item, i) => {
    const at = calendarInstant(item.time, field(`data.${i}.time`));
    const type = item.state === undefined ? 'carrier_update' : fromKuaidi100(Number(item.state));
    if (!type) throw invalidField(field(`data.${i}.state`), 'is not a Kuaidi100 state this platform knows');
    requireText([[field(`data.${i}.context`), item.context]]);
    const eventId = `k100-${push.com}-${push.nu}-${Date.parse(at).toString(36)}-${type}`;
    return { eventId: type === 'carrier_update' ? carrierEventId(eventId, item.state === undefined ? undefined : Number(item.state)) : eventId, waybillNo: push.nu, carrier: push.com as ScanInput['carrier'], type, at, note: item.context };
  });
}

/** Kuaidi100's signature of a push: MD5 of the `param` text followed by the salt agreed at subscription, upper-case hex. */
export const kuaidi100Sign = (param: string, salt: string) => createHash('md5').update(param + salt, 'utf8').digest('hex').toUpperCase();

/** Who stores a signed push: the carriers' tracking service, acting for the county warehouse. */
export const kuaidi100Context = (ip: string, requestId: string): RequestContext => ({
  principal: { userId: 'kuaidi100', username: 'kuaidi100', displayName: '快递100 推送 Kuaidi100 push', roles: ['courier'], scope: { kind: 'county', id: '' }, via: 'system' },
  ip,
  requestId,
});

const WAYBILL = /^[A-Za-z0-9-]{6,32}$/;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * The carriers' own push format: form fields `param` (the JSON of the callback: status, message, lastResult) and
 * `sign`. The sign is checked first, against the bytes of `param` as sent, before anything in it is read; a push
 * with no salt configured, no sign or a wrong one is refused. Then `param` is read as the JSON push is.
 */
export function readSignedPush(form: { param?: unknown; sign?: unknown }, salt: string | undefined): Kuaidi100Result {
  if (!salt) throw new AppError(403, 'PUSH_NOT_CONFIGURED', 'Signed Kuaidi100 pushes are not taken here: no salt is configured (COUNTYHUB_KUAIDI100_SALT)');
  if (typeof form.param !== 'string' || !form.param) throw invalidField('body.param', 'the push JSON is missing');
  if (typeof form.sign !== 'string' || !/^[0-9A-Fa-f]{32}$/.test(form.sign)) throw invalidField('body.sign', 'must be the 32 hex digits of MD5(param + salt)');
  const expected = Buffer.from(kuaidi100Sign(form.param, salt));
  if (!timingSafeEqual(expected, Buffer.from(form.sign.toUpperCase()))) throw new AppError(401, 'BAD_SIGNATURE', 'body.sign: does not match MD5(param + salt); the push is refused', { field: 'body.sign' });
  let param: unknown;
  try {
    param = JSON.parse(form.param);
  } catch {
    throw invalidField('body.param', 'is not JSON');
  }
  const last = (param as { lastResult?: unknown } | null)?.lastResult as Record<string, unknown> | undefined;
  const at = (name: string) => `body.param.lastResult.${name}`;
  if (!last || typeof last !== 'object') throw invalidField(at('').slice(0, -1), 'is missing');
  if (typeof last.nu !== 'string' || !WAYBILL.test(last.nu)) throw invalidField(at('nu'), "must be the carrier's waybill number");
  if (typeof last.com !== 'string' || !CARRIER_CODES.includes(last.com as CarrierCode)) throw invalidField(at('com'), `must be one of ${CARRIER_CODES.join(', ')}`);
  if (!Array.isArray(last.data) || last.data.length > 500) throw invalidField(at('data'), 'must be a list of at most 500 events');
  const data = last.data.map((item: Record<string, unknown>, i: number) => {
    if (!item || typeof item !== 'object' || !isText(item.time, 32) || !isText(item.context, 300)) throw invalidField(at(`data.${i}`), 'needs time and context (at most 300 characters)');
    const state = item.state ?? item.statusCode;
    if (state !== undefined && !(typeof state === 'number' || (typeof state === 'string' && /^\d{1,3}$/.test(state)))) throw invalidField(at(`data.${i}.state`), 'must be a Kuaidi100 state number');
    return { time: item.time, context: item.context, ...(state !== undefined && { state: state as string | number }) };
  });
  return { nu: last.nu, com: last.com, data };
}
