import type { Translate } from '../../../app/locale/LocaleContext.js';

/**
 * Who did something, as stored: a person's display name, or the platform itself ("System", the kernel's name for
 * seeding and scheduled work), which a user reads as 系统.
 */
export const actorName = (t: Translate, name: string) => (name === 'System' ? t('traceReview.system') : name);
