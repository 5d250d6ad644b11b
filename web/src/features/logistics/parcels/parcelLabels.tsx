import { Tag } from 'antd';
import { PARCEL_STATUSES, PROBLEM_CODES, SCAN_TYPES, type MatchState, type ProblemCode, type Parcel, type ParcelStatus, type ScanType } from '../../../api/logistics.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { MessageKey } from '../../../app/locale/messages.js';
import { messages } from '../../../app/locale/messages.js';

/** 建单 grey, 县仓/分拣/装车 blues, 到乡镇 purple, 到村/通知 gold/orange (waiting for the recipient), 取件/交快递 green, 退回 red. */
export const STATUS_COLOR: Record<ParcelStatus, string> = {
  created: 'default',
  opened: 'default',
  received_county: 'blue',
  sorted: 'geekblue',
  loaded: 'cyan',
  arrived_township: 'purple',
  arrived_village: 'gold',
  notified: 'orange',
  picked_up: 'green',
  returned: 'red',
  handed_to_carrier: 'green',
};

export function ParcelStatusTag({ status }: { status: ParcelStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="parcel-status">
      {t(`logistics.status.${status}`)}
    </Tag>
  );
}

const MATCH_COLOR: Record<MatchState, string> = { matched: 'success', unmatched: 'warning', no_manifest: 'error' };

export function MatchTag({ state }: { state: MatchState }) {
  const t = useT();
  return (
    <Tag color={MATCH_COLOR[state]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`logistics.match.${state}`)}
    </Tag>
  );
}

/** The 48-hour promise: 准时 green, 超时 red, 计时中 while received and not yet at the point; nothing before receipt. */
export function OnTimeTag({ parcel }: { parcel: Pick<Parcel, 'onTime' | 'receivedAt' | 'arrivedAt' | 'status' | 'direction'> }) {
  const t = useT();
  if (parcel.onTime === true) return <Tag color="success" style={{ marginInlineEnd: 0 }}>{t('logistics.parcels.onTime.yes')}</Tag>;
  if (parcel.onTime === false) return <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('logistics.parcels.onTime.no')}</Tag>;
  if (parcel.direction === 'down' && parcel.receivedAt && !parcel.arrivedAt && parcel.status !== 'returned') {
    return <Tag color="processing" style={{ marginInlineEnd: 0 }}>{t('logistics.parcels.onTime.pending')}</Tag>;
  }
  return <span>—</span>;
}

/** The carrier in the reader's language: our own label for a known code, else the server's name. */
export function carrierLabel(t: Translate, code: string | null, serverName?: string | null): string {
  if (!code) return '—';
  const key = `carrier.${code}`;
  return key in messages ? t(key as MessageKey) : (serverName ?? code);
}

const isStatus = (s: string): s is ParcelStatus => (PARCEL_STATUSES as readonly string[]).includes(s);
const isScan = (s: string): s is ScanType => (SCAN_TYPES as readonly string[]).includes(s);
const statusText = (t: Translate, s: string) => (isStatus(s) ? t(`logistics.status.${s}`) : s);
const scanText = (t: Translate, s: string) => (isScan(s) ? t(`logistics.scan.${s}`) : s);

const isProblemCode = (code: unknown): code is ProblemCode => (PROBLEM_CODES as readonly unknown[]).includes(code);

/** The problem code a parcel or scan carries, where the server sends one (problemCode / flagCode). */
export const problemCodeOf = (value: { problemCode?: ProblemCode | null; flagCode?: ProblemCode | null } | null | undefined): ProblemCode | null =>
  value?.problemCode ?? value?.flagCode ?? null;

/**
 * A flag or problem the server wrote (in English, for the log) in the reader's words: the scan and status it names
 * when the text says them (mirrors scanProblem in the server's lifecycle.ts), else the words for its code, else
 * the text as the server wrote it. A problem someone reported (REPORTED) is their own note.
 */
export function reasonText(t: Translate, text: string | null, code?: string | null): string {
  const known = reasonFromText(t, text);
  if (known !== null) return known;
  if (code === 'REPORTED' && text) return text;
  if (isProblemCode(code)) return t(`logistics.parcels.flag.code.${code}`);
  return text ?? '';
}

function reasonFromText(t: Translate, text: string | null): string | null {
  if (!text) return null;
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^(\w+) is not a scan for /))) return t('logistics.parcels.flag.wrongDirection', { scan: scanText(t, m[1]) });
  if ((m = text.match(/^(\w+) after the parcel was already (\w+)$/))) return t('logistics.parcels.flag.afterFinal', { scan: scanText(t, m[1]), status: statusText(t, m[2]) });
  if ((m = text.match(/^(\w+) before the parcel arrived at its village point$/))) return t('logistics.parcels.flag.beforeArrival', { scan: scanText(t, m[1]) });
  if ((m = text.match(/^(\w+) out of sequence: the parcel was already (\w+)$/))) return t('logistics.parcels.flag.outOfSequence', { scan: scanText(t, m[1]), status: statusText(t, m[2]) });
  if (text === 'no manifest for this waybill yet') return t('logistics.parcels.flag.noManifest');
  if (text === 'handed over offline with a pick-up code that does not match') return t('logistics.parcels.flag.offlineCode');
  if (text === 'problem reported') return t('logistics.parcels.flag.reported');
  return null;
}

/** Why an address did not match (the server's matchNote), in the reader's words. Mirrors address-matcher.ts. */
export function matchNoteText(t: Translate, note: string | null): string {
  if (!note) return '';
  let m: RegExpMatchArray | null;
  if ((m = note.match(/^(.+) has no village point and its township no transfer station yet$/))) return t('logistics.parcels.note.noPoint', { place: m[1] });
  if ((m = note.match(/^the address could be in (.+)$/))) return t('logistics.parcels.note.ambiguous', { places: m[1].split(' or ').join('、') });
  if ((m = note.match(/^no village of (.+) is named in the address$/))) return t('logistics.parcels.note.noVillage', { townships: m[1].split('/').join('、') });
  if (note === 'no township or village of the county is named in the address') return t('logistics.parcels.note.nothing');
  return note;
}
