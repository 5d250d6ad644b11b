/**
 * The shape of a bill's account number, by service, as the county's providers issue them: what the local provider
 * refuses, and what the phone page tells the operator. The phone imports this file (SHARED_WITH_WEB): it imports nothing.
 */
export const ACCOUNT_RULES: Record<'water' | 'electricity' | 'broadband' | 'phone', { pattern: RegExp; hint: string }> = {
  electricity: { pattern: /^\d{10}$/, hint: '电费户号为 10 位数字' },
  water: { pattern: /^\d{8}$/, hint: '水费户号为 8 位数字' },
  phone: { pattern: /^1[3-9]\d{9}$/, hint: '话费账号为 11 位手机号码' },
  broadband: { pattern: /^[A-Za-z0-9]{6,20}$/, hint: '宽带账号为 6–20 位字母或数字' },
};

/** What is wrong with a bill's account for its service (the rule's hint, Chinese), or null when it fits. */
export const accountProblem = (service: keyof typeof ACCOUNT_RULES, account: string): string | null => (ACCOUNT_RULES[service].pattern.test(account) ? null : ACCOUNT_RULES[service].hint);
