import { onMount, type JSX } from 'solid-js';
import { t } from '../../i18n';

/**
 * A modal sheet over the phone's screen (menu, topic picker): the page behind is inert, Escape,
 * "Close" or a tap beside the sheet close it, and focus returns to where it was.
 */
export function PhoneSheet(props: { testId: string; title: string; onClose: () => void; children: JSX.Element }) {
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());
  // eslint-disable-next-line solid/reactivity -- a sheet keeps its id for its life.
  const headingId = `${props.testId.replace(/\W/g, '-')}-title`;
  return (
    <dialog
      ref={dialog}
      class="phone-sheet"
      data-testid={props.testId}
      aria-labelledby={headingId}
      onClose={() => props.onClose()}
      onClick={(e) => {
        // A tap on the backdrop lands on the <dialog> itself.
        if (e.target === dialog) dialog.close();
      }}
    >
      <header class="phone-sheet-header">
        <h2 id={headingId} class="phone-sheet-title">
          {props.title}
        </h2>
        <button type="button" class="btn phone-sheet-close" data-testid="phone.sheet-close" onClick={() => dialog.close()}>
          {t('share.close')}
        </button>
      </header>
      <div class="phone-sheet-body">{props.children}</div>
    </dialog>
  );
}

/** Closes the sheet that holds `el` (its dialog's close event then tells the owner). */
export const closeSheetOf = (el: Element | null): void => el?.closest('dialog')?.close();
