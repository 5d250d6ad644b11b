import { invalidField } from '../../kernel/errors.js';

/** A list's `from`–`to` days (either may be left out); `to` before `from` is a 400, as the figures answer, not an empty page. */
export function checkPeriod(filter: { from?: string; to?: string }): void {
  if (filter.from && filter.to && filter.from > filter.to) throw invalidField('querystring.to', '截止日期不能早于开始日期 must not be before from');
}
