/** How many visible letters and digits a reason for a cash difference needs (the server and the phone both check). */
export const MIN_REASON_CHARS = 4;

/**
 * The letters and digits of a reason, counted by code point: 找零错误 counts 4, while spaces, emoji and invisible
 * format characters (U+200B and the like) count nothing, so a reason that shows nothing cannot explain a difference.
 */
export const reasonChars = (reason: string) => (reason.match(/[\p{L}\p{N}]/gu) ?? []).length;

/** Whether a reason explains a cash difference. */
export const reasonExplains = (reason: string | undefined) => reasonChars(reason ?? '') >= MIN_REASON_CHARS;
