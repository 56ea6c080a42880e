import { createSignal, onCleanup, type Accessor } from 'solid-js';

/**
 * A phone: narrower than 600 CSS px (held upright), or a touch screen under 500 px tall (a phone
 * held sideways: 844×390 is wide, but its board would get a strip). Tablets and laptops are
 * neither and keep the board. Read from CSS media queries, so zoom and rotation count.
 */
export const PHONE_QUERY = '(max-width: 599.98px), (max-height: 499.98px) and (pointer: coarse)';

/** Whether this screen is a phone now; follows rotation and resizing. */
export function createPhoneScreen(): Accessor<boolean> {
  if (typeof matchMedia !== 'function') return () => false;
  const query = matchMedia(PHONE_QUERY);
  const [phone, setPhone] = createSignal(query.matches);
  const onChange = () => setPhone(query.matches);
  query.addEventListener('change', onChange);
  onCleanup(() => query.removeEventListener('change', onChange));
  return phone;
}
