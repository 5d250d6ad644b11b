/** 13812345678 → 138****5678. Personal data is shown like this to everyone but its owner. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 53062119850315105X → 5306**********105X. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** 张建华 → 张**: a person's name as others see it. */
export const maskName = (name: string) => (name ? name[0] + '*'.repeat(Math.max(1, [...name].length - 1)) : '');
