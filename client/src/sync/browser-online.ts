import { createSignal, onCleanup, type Accessor } from 'solid-js';

/**
 * What the browser knows of its network (`navigator.onLine`, 'online' / 'offline' events). It
 * knows at once when the Wi-Fi drops, long before any socket notices; it cannot know that a
 * network which is up does not reach the server (the heartbeat tells that, see liveness.ts).
 * The listeners live as long as the calling owner.
 */
export function createBrowserOnline(): Accessor<boolean> {
  const [online, setOnline] = createSignal(typeof navigator === 'undefined' || navigator.onLine !== false);
  if (typeof window === 'undefined') return online;
  const up = () => setOnline(true);
  const down = () => setOnline(false);
  window.addEventListener('online', up);
  window.addEventListener('offline', down);
  onCleanup(() => {
    window.removeEventListener('online', up);
    window.removeEventListener('offline', down);
  });
  return online;
}
