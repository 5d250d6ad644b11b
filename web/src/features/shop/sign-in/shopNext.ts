/** Where to go after signing in: a path on this site from `?next=`, never a sign-in page; else the shop. */
export function shopNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/shop';
  const path = next.split(/[?#]/)[0];
  return path === '/login' || path === '/shop/login' ? '/shop' : next;
}
