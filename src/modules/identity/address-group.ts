import { isIPv6 } from 'node:net';

/**
 * The address a sign-in counter is kept for. One IPv6 subscriber usually holds a whole /64, so an IPv6 address
 * counts as its /64; an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
export function addressGroup(ip: string): string {
  const bare = ip.split('%')[0];
  if (!isIPv6(bare)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1];
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An IPv4 tail (::1.2.3.4) takes two groups; only the first four groups matter here.
  const rightGroups = right.flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - rightGroups.length).fill('0'), ...rightGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
