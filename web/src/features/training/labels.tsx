import { Flex, Tag } from 'antd';
import type { Level, SessionStatus, TraineeFlag, Track } from '../../api/training.js';
import { TRAINEE_FLAGS } from '../../api/training.js';
import { useT } from '../../app/locale/LocaleContext.js';

const TRACK_COLOURS: Record<Track, string> = { officials: 'geekblue', sellers: 'green', station_staff: 'orange' };
const FLAG_COLOURS: Record<TraineeFlag, string> = { poor: 'volcano', disabled: 'purple', partyMember: 'red', woman: 'magenta', youth: 'cyan' };
const STATUS_COLOURS: Record<SessionStatus, string> = { planned: 'processing', closed: 'default', cancelled: 'error' };

/** 电商创业 · 进阶: a track and, for the sellers' track, its level. */
export function TrackTag({ track, level }: { track: Track; level?: Level | null }) {
  const t = useT();
  return (
    <Tag color={TRACK_COLOURS[track]} style={{ marginInlineEnd: 0 }}>
      {t(`track.${track}`)}
      {level ? ` · ${t(`level.${level}`)}` : ''}
    </Tag>
  );
}

export function SessionStatusTag({ status }: { status: SessionStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`sessionStatus.${status}`)}
    </Tag>
  );
}

/** The flags a trainee carries (建档立卡, 残疾人, 党员, 女性, 青年) as tags; none shows nothing. */
export function FlagTags({ of }: { of: Partial<Record<TraineeFlag, boolean | null | undefined>> }) {
  const t = useT();
  const set = TRAINEE_FLAGS.filter((f) => of[f]);
  if (set.length === 0) return null;
  return (
    <Flex gap={4} wrap data-testid="trainee-flags">
      {set.map((f) => (
        <Tag key={f} color={FLAG_COLOURS[f]} style={{ marginInlineEnd: 0 }}>
          {t(`traineeFlag.${f}`)}
        </Tag>
      ))}
    </Flex>
  );
}

const dayTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** 12/08 09:00–11:30, or with both days when it runs past midnight (Beijing time). */
export function sessionTime(startsAt: string, endsAt: string): string {
  const from = new Date(startsAt);
  const to = new Date(endsAt);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${startsAt} – ${endsAt}`;
  return day.format(from) === day.format(to) ? `${day.format(from)} ${time.format(from)}–${time.format(to)}` : `${dayTime.format(from)} – ${dayTime.format(to)}`;
}
