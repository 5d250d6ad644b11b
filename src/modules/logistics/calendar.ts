import { invalidField } from '../../kernel/errors.js';

/**
 * Dates and times as people and carriers write them, read strictly: a day that is not on the calendar (2026-02-30,
 * 2026-13-01), an hour of 24, a minute or second of 60 is refused, never rolled over into the next day or month as
 * `new Date()` does. Times without an offset are Asia/Shanghai (the carriers' and the county's clock).
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const SHANGHAI = '+08:00';

const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** Why year-month-day is not a day of the calendar, or null. */
function dayProblem(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `has no month ${month}`;
  if (day < 1 || day > daysIn(year, month)) return `is not a day of the calendar: ${String(month).padStart(2, '0')} has ${daysIn(year, month)} days in ${year}`;
  return null;
}

/** A calendar day, YYYY-MM-DD, checked against the calendar; returned as given. */
export function calendarDate(value: string, field: string): string {
  const m = DATE.exec(value);
  if (!m) throw invalidField(field, 'is not a date (YYYY-MM-DD)');
  const problem = dayProblem(Number(m[1]), Number(m[2]), Number(m[3]));
  if (problem) throw invalidField(field, problem);
  return value;
}

/**
 * An instant, `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]` or with a space for the T (as Kuaidi100 writes it), checked
 * against the calendar and the clock; one without an offset is taken in Asia/Shanghai. Returned as ISO-8601 UTC.
 */
export function calendarInstant(value: string, field: string): string {
  const m = INSTANT.exec(value.trim());
  if (!m) throw invalidField(field, 'is not a date and time (YYYY-MM-DD HH:MM:SS, or ISO-8601 with an offset)');
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = m;
  const problem = dayProblem(Number(year), Number(month), Number(day));
  if (problem) throw invalidField(field, problem);
  if (Number(hour) > 23) throw invalidField(field, `has no hour ${hour}: hours run 00–23`);
  if (Number(minute) > 59) throw invalidField(field, `has no minute ${minute}`);
  if (Number(second) > 59) throw invalidField(field, `has no second ${second}`);
  let offset = !zone ? SHANGHAI : zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4, 6)) > 59)) throw invalidField(field, `has no time zone ${zone}`);
  if (offset === '+00:00' || offset === '-00:00') offset = 'Z';
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(ms)) throw invalidField(field, 'is not a date and time');
  return new Date(ms).toISOString();
}
