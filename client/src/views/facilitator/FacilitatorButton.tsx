import { createSignal, lazy, Show, Suspense } from 'solid-js';
import { Portal } from 'solid-js/web';
import { t } from '../../i18n';
import type { Props } from './FacilitatorPanel';

// The drawer (setup, form editor, voting, criteria, export) is the facilitator's alone and opened
// on demand: it loads on first open, not with every participant's board.
const FacilitatorPanel = lazy(() => import('./FacilitatorPanel').then((m) => ({ default: m.FacilitatorPanel })));

/** The top-bar button that opens the facilitator's drawer; only rendered for the facilitator. */
export function FacilitatorButton(props: Props) {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button class="btn" data-testid="board.facilitate" aria-expanded={open()} onClick={() => setOpen((o) => !o)}>
        {t('facilitator.open')}
      </button>
      <Show when={open()}>
        {/* Out of the top bar's stacking context: the drawer covers the canvas and its controls. */}
        <Portal>
          <Suspense>
            <FacilitatorPanel session={props.session} facilitation={props.facilitation} onClose={() => setOpen(false)} />
          </Suspense>
        </Portal>
      </Show>
    </>
  );
}

