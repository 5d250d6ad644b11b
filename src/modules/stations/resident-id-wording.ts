/**
 * Parties' verdict on a resident ID number (English, shared with the other modules) in the words an operator reads
 * on the phone: which part of the number is wrong.
 */
export function residentIdWording(problem: string): string {
  if (/check character/.test(problem)) return '身份证号校验位（第 18 位）不对，请逐位核对';
  if (/birth date/.test(problem)) return '身份证号第 7–14 位不是出生日期，请逐位核对';
  if (/17 digits/.test(problem)) return '身份证号须为 18 位：前 17 位为数字，最后一位为数字或 X';
  return '身份证号校验未通过，请逐位核对';
}
