import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import { SESSION_ID_RE } from '@wcb/shared';

/** The app's routes: the home page and one board per session. Anything else goes home. */
export type Route = { name: 'home' } | { name: 'board'; sessionId: string };

export function matchRoute(pathname: string): Route {
  const m = /^\/s\/([^/]+)\/?$/.exec(pathname);
  const id = m?.[1] ? decodeURIComponent(m[1]) : '';
  return SESSION_ID_RE.test(id) ? { name: 'board', sessionId: id } : { name: 'home' };
}

export const routePath = (route: Route): string => (route.name === 'board' ? `/s/${route.sessionId}` : '/');

const [location_, setLocation] = createSignal(typeof location === 'undefined' ? '/' : location.pathname);

/** Pushes a history entry and renders the new route, without reloading. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  setLocation(location.pathname);
}

/** The current route; follows back/forward. Call once, in the root component. */
export function createRoute(): Accessor<Route> {
  const onPop = () => setLocation(location.pathname);
  window.addEventListener('popstate', onPop);
  onCleanup(() => window.removeEventListener('popstate', onPop));
  const route = createMemo(() => matchRoute(location_()));
  return route;
}

/** onClick for <a href>: client-side navigation for plain left clicks, the browser's otherwise. */
export function linkClick(event: MouseEvent & { currentTarget: HTMLAnchorElement }): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(new URL(event.currentTarget.href).pathname);
}
