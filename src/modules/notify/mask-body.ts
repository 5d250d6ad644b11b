import { SMS_TEMPLATES } from './sms.js';

/** Template parameters only the recipient may read (the SMS itself); everyone else sees them masked. */
const SECRET_PARAMS = new Set(['code']);

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each template as a pattern whose groups are its secret parameters, so a stored text can be masked as it is read. */
const PATTERNS = new Map(
  Object.entries(SMS_TEMPLATES).map(([name, text]) => {
    const parts = text.split(/(\{\w+\})/);
    const source = parts.map((part) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!param) return escapeRegex(part);
      return SECRET_PARAMS.has(param) ? '(.*?)' : '.*?';
    });
    return [name, new RegExp(`^${source.join('')}$`, 'sd')];
  }),
);

const stars = (secret: string) => '*'.repeat(Math.max(secret.length, 6));

/**
 * The message as county staff may see it: the pick-up code (and any other secret parameter) replaced by stars.
 * A text that matches no template any more (changed wording) has every run of four or more digits masked instead.
 */
export function maskSmsBody(template: string, body: string): string {
  const pattern = PATTERNS.get(template);
  const match = pattern?.exec(body);
  if (!match) return body.replace(/\d{4,}/g, stars);
  let out = '';
  let from = 0;
  for (let i = 1; i < match.length; i++) {
    const [start, end] = match.indices![i];
    out += body.slice(from, start) + stars(match[i]);
    from = end;
  }
  return out + body.slice(from);
}
