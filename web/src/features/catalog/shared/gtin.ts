/** A GTIN-8, -12, -13 or -14 whose last digit is its GS1 mod-10 check digit (the API checks the same). */
export function isValidGtin(gtin: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(gtin)) return false;
  let sum = 0;
  for (let i = 0; i < gtin.length - 1; i++) sum += Number(gtin[gtin.length - 2 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(gtin.at(-1));
}
