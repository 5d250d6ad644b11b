/** Yuan as typed ("1234.5", "1,234.56") to whole fen, exactly: the text is parsed as digits, never as a float. */
export function yuanTextToFen(text: string | undefined): number | null {
  const clean = (text ?? '').trim().replace(/[,，\s]/g, '');
  const match = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(clean);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The last ended month in Asia/Shanghai, 'YYYY-MM'. */
export function lastMonth(now = new Date()): string {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}
