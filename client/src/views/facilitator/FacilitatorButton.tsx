import { createEffect, createSignal, lazy, onCleanup, Show, Suspense } from 'solid-js';
import { Portal } from 'solid-js/web';
import { t } from '../../i18n';
import type { Props } from './FacilitatorPanel';
import './panel-dock.css';

// The drawer (setup, form editor, voting, criteria, export) is the facilitator's alone and opened
// on demand: it loads on first open, not with every participant's board.
const FacilitatorPanel = lazy(() => import('./FacilitatorPanel').then((m) => ({ default: m.FacilitatorPanel })));

/**
 * While the drawer is open, the page says so on <html> (panel-dock.css docks it beside the board
 * on a laptop rather than over it) along with the top bar's height, which the drawer starts under.
 */
function dockWhileOpen(header: HTMLElement | null): void {
  const root = document.documentElement;
  root.dataset.facPanel = 'open';
  const observer = new ResizeObserver(() => root.style.setProperty('--topbar-h', `${header?.getBoundingClientRect().bottom ?? 0}px`));
  if (header) observer.observe(header);
  onCleanup(() => {
    observer.disconnect();
    delete root.dataset.facPanel;
    root.style.removeProperty('--topbar-h');
  });
}

/** The top-bar button that opens the facilitator's drawer; only rendered for the facilitator. */
export function FacilitatorButton(props: Props) {
  const [open, setOpen] = createSignal(false);
  let button!: HTMLButtonElement;
  createEffect(() => {
    if (open()) dockWhileOpen(button.closest('header'));
  });
  return (
    <>
      <button ref={button} class="btn" data-testid="board.facilitate" aria-expanded={open()} onClick={() => setOpen((o) => !o)}>
        {t('facilitator.open')}
      </button>
      <Show when={open()}>
        {/* Out of the top bar's stacking context: on a narrow screen the drawer covers the canvas. */}
        <Portal>
          <Suspense>
            <FacilitatorPanel session={props.session} facilitation={props.facilitation} onClose={() => setOpen(false)} />
          </Suspense>
        </Portal>
      </Show>
    </>
  );
}
