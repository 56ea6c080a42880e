import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n';
import { browserStore } from '../../lib/storage';
import { facilitatorLink } from '../../sync/facilitator-link';
import type { Session } from '../../sync/session';
import { DeviceLinkDialog } from './DeviceLinkDialog';

/**
 * "Facilitate from another device": the facilitator's own link for their phone, shown only when
 * asked for, in a dialog. This panel never renders in the projector view (BoardPage shows the
 * ProjectorBar there, not the top bar that opens the panel), and a viewer never has the panel.
 */
export function DeviceSection(props: { session: Session }) {
  const [open, setOpen] = createSignal(false);
  // Read from storage when asked, never held: the token is in the page only while the dialog is open.
  // The role is read too, so a role the server confirms or withdraws later is followed.
  const link = () => (props.session.role() === 'facilitator' ? facilitatorLink(browserStore(), props.session.id, location.origin) : null);
  let button: HTMLButtonElement | undefined;
  const close = () => {
    setOpen(false);
    button?.focus();
  };
  return (
    <section class="fac-section" aria-labelledby="fac-device" data-testid="facilitator.device.section">
      <h3 id="fac-device">{t('facilitator.device.title')}</h3>
      <p class="fac-hint">{t('facilitator.device.hint')}</p>
      <Show when={link() !== null} fallback={<p class="fac-hint" data-testid="facilitator.device.unavailable">{t('facilitator.device.unavailable')}</p>}>
        <button ref={button} class="btn" data-testid="facilitator.device.open" aria-haspopup="dialog" aria-expanded={open()} onClick={() => setOpen(true)}>
          {t('facilitator.device.open')}
        </button>
      </Show>
      <Show when={open() && link()}>{(url) => <DeviceLinkDialog url={url()} onClose={close} />}</Show>
    </section>
  );
}
