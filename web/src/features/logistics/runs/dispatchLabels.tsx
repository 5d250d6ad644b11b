import { Tag } from 'antd';
import type { RouteMode, RunStatus } from '../../../api/logistics.js';
import { formatGrams } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { messages, type MessageKey } from '../../../app/locale/messages.js';

/** A key when the dictionary has it (labels other pages own may not be there yet). */
const known = (key: string): MessageKey | undefined => (key in messages ? (key as MessageKey) : undefined);

export const MODE_COLOR: Record<RouteMode, string> = { county_truck: 'blue', postal_van: 'green', rural_bus: 'purple' };

export function ModeTag({ mode }: { mode: RouteMode }) {
  const t = useT();
  return (
    <Tag color={MODE_COLOR[mode]} style={{ marginInlineEnd: 0 }}>
      {t(`logistics.runs.mode.${mode}`)}
    </Tag>
  );
}

const RUN_STATUS_COLOR: Record<RunStatus, string> = { planned: 'default', departed: 'processing', completed: 'success' };

export function RunStatusTag({ status, testId }: { status: RunStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={RUN_STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid={testId} data-status={status}>
      {t(`logistics.runs.status.${status}`)}
    </Tag>
  );
}

/** A carrier code as people know it; `produce` is what the villages send up. */
export function carrierLabel(t: Translate, code: string | null, fallback?: string | null): string {
  if (!code || code === 'produce') return t('logistics.runs.produce');
  const key = known(`carrier.${code}`);
  return key ? t(key) : (fallback ?? code);
}

/** A parcel status (`logistics.status.*`, kept with the parcels pages); the raw status until those labels exist. */
export function parcelStatusLabel(t: Translate, status: string): string {
  const key = known(`logistics.status.${status}`);
  return key ? t(key) : status;
}

/** Carrier counts as small tags: 中通快递 12 · 圆通速递 3 · 上行农产品 2. */
export function CarrierCounts({ items }: { items: { carrier: string; count: number }[] }) {
  const t = useT();
  if (items.length === 0) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>—</span>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {[...items]
        .sort((a, b) => b.count - a.count)
        .map((c) => (
          <Tag key={c.carrier} color={c.carrier === 'produce' ? 'green' : undefined} style={{ marginInlineEnd: 0 }}>
            {carrierLabel(t, c.carrier)} <b>{c.count}</b>
          </Tag>
        ))}
    </span>
  );
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD day, as the server counts it. */
export const weekdayOf = (date: string) => new Date(`${date}T12:00:00+08:00`).getUTCDay() || 7;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** 每天, 工作日, or 周一、周三、周五. */
export function weekdaysText(t: Translate, days: number[]): string {
  const set = new Set(days);
  if (WEEKDAYS.every((d) => set.has(d))) return t('logistics.runs.weekdays.daily');
  if (set.size === 5 && [1, 2, 3, 4, 5].every((d) => set.has(d))) return t('logistics.runs.weekdays.workdays');
  return [...set]
    .sort()
    .map((d) => t(`logistics.runs.weekday.${d as (typeof WEEKDAYS)[number]}`))
    .join(t('logistics.runs.listSeparator'));
}

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** 07:30 in Beijing time. */
export const clockTime = (iso: string | null | undefined) => (iso ? clock.format(new Date(iso)) : '—');

/** 1200 → 1.2 kg; 350 → 350 g. */
export const weightText = (grams: number | null | undefined): string => (grams === null || grams === undefined ? '—' : formatGrams(grams));

/** The server masks phones for dispatchers; a full number slipping through is masked here too. */
export const maskedPhone = (phone: string) => (/^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone);
