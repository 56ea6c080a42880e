import { createRenderEffect, createRoot, createSignal, type Accessor } from 'solid-js';
import { loadPrefs, savePrefs } from '../../lib/prefs';
import { browserStore } from '../../lib/storage';
// The theme and the reduced-motion rules travel with the switch, wherever it is first loaded.
import '../../styles/contrast.css';
import '../../styles/motion.css';

/**
 * The high-contrast theme (styles/contrast.css): on when this device chose it, else when the system
 * asks for more contrast or forces its own colours. It is one attribute on <html>, so the home page,
 * the board and the projector all switch together and a choice survives a reload.
 */

export type ContrastSystem = { more: boolean; forced: boolean };

/** The theme in effect: an explicit choice wins; without one, the system's wish. */
export const effectiveContrast = (choice: boolean | null, system: ContrastSystem): boolean => choice ?? (system.more || system.forced);

const query = (q: string): MediaQueryList | null => (typeof matchMedia === 'function' ? matchMedia(q) : null);

type ContrastTheme = { on: Accessor<boolean>; toggle(): void };

let theme: ContrastTheme | null = null;

/** The theme as a signal, created once per page; it keeps `<html data-contrast>` in step. */
export function contrastTheme(): ContrastTheme {
  theme ??= createRoot(() => {
    const more = query('(prefers-contrast: more)');
    const forced = query('(forced-colors: active)');
    const read = (): ContrastSystem => ({ more: !!more?.matches, forced: !!forced?.matches });
    const [system, setSystem] = createSignal(read(), { equals: (a, b) => a.more === b.more && a.forced === b.forced });
    const [choice, setChoice] = createSignal(loadPrefs(browserStore()).highContrast);
    // A projector laptop whose owner switches the OS setting mid-session follows along.
    more?.addEventListener('change', () => setSystem(read()));
    forced?.addEventListener('change', () => setSystem(read()));
    const on = () => effectiveContrast(choice(), system());
    const apply = (value: boolean) => {
      if (typeof document !== 'undefined') document.documentElement.dataset.contrast = value ? 'more' : 'normal';
    };
    createRenderEffect(() => apply(on()));
    return {
      on,
      toggle() {
        const next = !on();
        savePrefs(browserStore(), { highContrast: next });
        setChoice(next);
      },
    };
  });
  return theme;
}
