/** Where two texts first differ, as a short hint for a failing check: the line number and both versions of it. */
export function firstDifference(committed: string, generated: string): string | undefined {
  if (committed === generated) return undefined;
  const a = committed.split('\n');
  const b = generated.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  const show = (text: string | undefined) => (text === undefined ? '(end of file)' : text.trim());
  return `line ${line + 1}:\n  committed: ${show(a[line])}\n  the API:   ${show(b[line])}`;
}
