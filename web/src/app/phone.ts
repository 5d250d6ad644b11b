/** The server's mobile-number rule: 11 digits starting with 1. */
export const PHONE_PATTERN = /^1\d{10}$/;

/** A phone the server masked for us (138****5678): it cannot be shown for editing or sent back. */
export const isMasked = (phone: string | null | undefined) => !!phone && phone.includes('*');

/** An 11-digit phone as 138****8000 (someone's own, shown beside their name); anything else as it is. */
export const maskPhone = (phone: string | null) => (phone && /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone);
