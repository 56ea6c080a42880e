import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import { t, type MessageKey } from '../../i18n';
import './shortcuts.css';

// Each row: the keys, and what they do. Keys are translated too ("Arrow keys", "стрілки").
const SHORTCUTS: ReadonlyArray<readonly [MessageKey, MessageKey]> = [
  ['a11y.keyTab', 'a11y.keyTabHelp'],
  ['a11y.keyNew', 'a11y.keyNewHelp'],
  ['a11y.keyEnter', 'a11y.keyEnterHelp'],
  ['a11y.keyEscape', 'a11y.keyEscapeHelp'],
  ['a11y.keyArrows', 'a11y.keyArrowsHelp'],
  ['a11y.keyStepMove', 'a11y.keyStepMoveHelp'],
  ['a11y.keyDelete', 'a11y.keyDeleteHelp'],
  ['a11y.keyUndo', 'a11y.keyUndoHelp'],
  ['a11y.keyVote', 'a11y.keyVoteHelp'],
  ['a11y.keyPhase', 'a11y.keyPhaseHelp'],
  ['a11y.keyHelp', 'a11y.keyHelpHelp'],
];

const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || el.closest('textarea, input, select') !== null);

/** The top bar's "Keyboard shortcuts" button; "?" anywhere outside a text field opens it too. */
export function ShortcutsButton() {
  const [open, setOpen] = createSignal(false);
  let opener: HTMLElement | null = null;
  const show = () => {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || open() || isTextField(e.target)) return;
    e.preventDefault();
    show();
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
  const close = () => {
    setOpen(false);
    // Back where the person was (the dialog may have been opened by "?" from a note).
    if (opener?.isConnected) opener.focus({ preventScroll: true });
    opener = null;
  };
  return (
    <>
      <button class="btn btn-icon" data-testid="a11y.shortcuts-open" aria-label={t('a11y.shortcuts')} title={t('a11y.shortcutsTitle')} onClick={show}>
        <span aria-hidden="true" class="shortcuts-icon">
          ?
        </span>
      </button>
      <Show when={open()}>
        <ShortcutsDialog onClose={close} />
      </Show>
    </>
  );
}

/** The list of keyboard shortcuts, as a modal dialog (Escape or Close shut it). */
export function ShortcutsDialog(props: { onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  let closeButton!: HTMLButtonElement;
  onMount(() => {
    dialog.showModal();
    closeButton.focus();
  });
  return (
    <Portal>
      <dialog
        ref={dialog}
        class="shortcuts"
        data-testid="a11y.shortcuts"
        aria-labelledby="shortcuts-title"
        onClose={() => props.onClose()}
        onClick={(e) => {
          // A click on the backdrop lands on the <dialog> itself.
          if (e.target === dialog) dialog.close();
        }}
      >
        <div class="shortcuts-body">
          <h2 id="shortcuts-title">{t('a11y.shortcuts')}</h2>
          <dl class="shortcuts-list">
            <For each={SHORTCUTS}>
              {([keys, help]) => (
                <div class="shortcuts-row">
                  <dt>
                    <kbd>{t(keys)}</kbd>
                  </dt>
                  <dd>{t(help)}</dd>
                </div>
              )}
            </For>
          </dl>
          <div class="shortcuts-actions">
            <button ref={closeButton} type="button" class="btn btn-primary" data-testid="a11y.shortcuts-close" onClick={() => dialog.close()}>
              {t('a11y.close')}
            </button>
          </div>
        </div>
      </dialog>
    </Portal>
  );
}
