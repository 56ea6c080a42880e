import { onMount } from 'solid-js';
import type { Role } from '@wcb/shared';
import { t } from '../../i18n';
import './link-choice.css';

/**
 * A link that grants less than this device already holds (a participant link opened on the
 * facilitator's laptop): open with the device's own role (the default: Enter, Escape, or the first
 * button) or with the link's. Either way the stronger credential stays stored. Modal, so the
 * board behind does not take a click meant for the choice.
 */
export function LinkChoice(props: { own: Role; link: Role; onChoose: (use: 'own' | 'link') => void }) {
  let dialog!: HTMLDialogElement;
  let choice: 'own' | 'link' = 'own';
  onMount(() => dialog.showModal());
  const close = (use: 'own' | 'link') => {
    choice = use;
    dialog.close();
  };
  const own = () => t(`role.${props.own}`);
  const link = () => t(`role.${props.link}`);
  return (
    <dialog
      ref={dialog}
      class="link-choice"
      data-testid="link-choice.dialog"
      data-own-role={props.own}
      data-link-role={props.link}
      aria-labelledby="link-choice-title"
      aria-describedby="link-choice-text"
      // Escape closes a modal dialog too: that keeps the default.
      onClose={() => props.onChoose(choice)}
    >
      <h2 id="link-choice-title">{t('linkChoice.title', { link: link() })}</h2>
      <p id="link-choice-text">{t('linkChoice.text', { own: own() })}</p>
      <div class="link-choice-actions">
        <button class="btn btn-primary" data-testid="link-choice.own" autofocus onClick={() => close('own')}>
          {t('linkChoice.keep', { own: own() })}
        </button>
        <button class="btn" data-testid="link-choice.link" onClick={() => close('link')}>
          {t('linkChoice.useLink', { link: link() })}
        </button>
      </div>
    </dialog>
  );
}

/** The link's token was refused by the server; the board opened with this device's own credential. */
export function LinkRefused(props: { onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());
  return (
    <dialog ref={dialog} class="link-choice" data-testid="link-choice.refused" aria-labelledby="link-refused-text" onClose={() => props.onClose()}>
      <p id="link-refused-text">{t('linkChoice.refused')}</p>
      <div class="link-choice-actions">
        <button class="btn btn-primary" data-testid="link-choice.ok" autofocus onClick={() => dialog.close()}>
          {t('linkChoice.ok')}
        </button>
      </div>
    </dialog>
  );
}
