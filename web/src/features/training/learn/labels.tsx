import { Tag } from 'antd';
import type { Level, SessionCard, Track } from '../../../api/learning.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';

const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** 2026-12-07 09:00–12:00 (Beijing time); a session over several days shows both dates. */
export function sessionTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay ? `${day.format(start)} ${clock.format(start)}–${clock.format(end)}` : `${day.format(start)} ${clock.format(start)} – ${day.format(end)} ${clock.format(end)}`;
}

const TRACK_COLOURS: Record<Track, string> = { officials: 'geekblue', sellers: 'orange', station_staff: 'green' };
const LEVELS: Level[] = ['basic', 'advanced', 'elite'];
const isTrack = (track: string): track is Track => track in TRACK_COLOURS;
const isLevel = (level: string | null): level is Level => LEVELS.includes(level as Level);

/** 电商创业 · 进阶 (some answers type the track as a plain string: an unknown one shows nothing rather than a code). */
export function trackText(t: Translate, track: string, level: string | null): string {
  if (!isTrack(track)) return '';
  return isLevel(level) ? `${t(`learn.track.${track}`)} · ${t(`learn.level.${level}`)}` : t(`learn.track.${track}`);
}

export function TrackTag({ t, track, level }: { t: Translate; track: string; level: string | null }) {
  if (!isTrack(track)) return null;
  return (
    <Tag color={TRACK_COLOURS[track]} style={{ marginInlineEnd: 0 }}>
      {trackText(t, track, level)}
    </Tag>
  );
}

/** Where a session is held: the site's or place's name, with its township when the name does not say it. */
export function sessionPlace(session: Pick<SessionCard, 'placeName' | 'townshipName'>): string {
  const { placeName, townshipName } = session;
  return townshipName && !placeName.includes(townshipName) ? `${townshipName} · ${placeName}` : placeName;
}
