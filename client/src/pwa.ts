import { createSignal } from 'solid-js';
import { registerSW } from 'virtual:pwa-register';

const [updateReady, setUpdateReady] = createSignal(false);

/** True when a new app version has taken over; the page offers a reload instead of forcing one. */
export { updateReady };

/**
 * Registers the service worker that precaches the app shell, so a board reloads with no network.
 * A new version activates at once (skipWaiting + clientsClaim) but never reloads a page by itself:
 * someone may be typing a note in the middle of a workshop.
 */
export function startServiceWorker(): void {
  if (import.meta.env.DEV) return;
  registerSW({ immediate: true, onNeedReload: () => setUpdateReady(true) });
}
