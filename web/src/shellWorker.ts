/// <reference types="vite/client" />
/**
 * Registers the app-shell worker (/sw.js, built from web/sw/shell-worker.js) in the built console, so a page opened
 * once (the village point's phone page) opens again without a connection. Browsers allow workers on https and
 * localhost only; over plain http on a county LAN the console simply works online as before.
 * Not from the shop: installing fetches the console's shell, which a shopper on a metered 3G phone never uses.
 */
export function registerShellWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (window.location.pathname === '/shop' || window.location.pathname.startsWith('/shop/')) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
