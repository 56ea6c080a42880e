import { onMount } from 'solid-js';
import { t } from '../../i18n';
import { MAX_NAME } from '../../lib/prefs';
import './name-dialog.css';

/**
 * Asked once, on the first board this device joins: the name others see by this person's cursor
 * and notes. Skipping (the button, or Escape) keeps the guest name, in the interface language.
 * Modal, so a stray tap on the board behind does not dismiss it without a word.
 */
export function NameDialog(props: { guestName: string; onDone: (name: string | null) => void }) {
  let dialog!: HTMLDialogElement;
  let input!: HTMLInputElement;
  let answer: string | null = null;
  onMount(() => {
    dialog.showModal();
    input.focus();
  });
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    answer = input.value.trim() || null;
    dialog.close();
  };
  return (
    <dialog
      ref={dialog}
      class="name-dialog"
      data-testid="name.dialog"
      aria-labelledby="name-dialog-title"
      aria-describedby="name-dialog-text"
      onClose={() => props.onDone(answer)}
    >
      <form onSubmit={save}>
        <h2 id="name-dialog-title">{t('name.title')}</h2>
        <p id="name-dialog-text">{t('home.nameHint')}</p>
        <label class="name-dialog-field">
          <span>{t('home.name')}</span>
          <input ref={input} data-testid="name.input" type="text" autocomplete="nickname" maxLength={MAX_NAME} placeholder={props.guestName} />
        </label>
        <div class="name-dialog-actions">
          <button class="btn btn-primary" type="submit" data-testid="name.save">
            {t('name.save')}
          </button>
          <button class="btn" type="button" data-testid="name.skip" onClick={() => dialog.close()}>
            {t('name.skip', { name: props.guestName })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
