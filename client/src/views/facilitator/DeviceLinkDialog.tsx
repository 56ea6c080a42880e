import { createResource, createSignal, onCleanup, onMount, Show, Suspense } from 'solid-js';
import { t } from '../../i18n';
import { qrDataUrl } from '../../lib/qr';
import './device-link.css';

/**
 * The facilitator link for a second device: a QR code for the phone's camera, the link with Copy,
 * and a warning first, since whoever holds the link runs the café. Modal: the board behind it is
 * inert, and Escape or Close gives focus back to the button that opened it.
 */
export function DeviceLinkDialog(props: { url: string; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  let input!: HTMLInputElement;
  const [qr] = createResource(() => props.url, qrDataUrl);
  const [copied, setCopied] = createSignal<'yes' | 'failed' | null>(null);
  let resetCopied: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(resetCopied));
  onMount(() => dialog.showModal());

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied('yes');
    } catch {
      // No clipboard permission (or an insecure origin): leave the link selected for Ctrl+C.
      input.select();
      setCopied('failed');
    }
    clearTimeout(resetCopied);
    resetCopied = setTimeout(() => setCopied(null), 2000);
  };

  return (
    <dialog
      ref={dialog}
      class="device-link"
      data-testid="facilitator.device.dialog"
      aria-labelledby="device-link-title"
      aria-describedby="device-link-warning"
      onClose={() => props.onClose()}
      onKeyDown={(e) => {
        // Escape closes this dialog (the browser's cancel), not the facilitator's panel around it.
        if (e.key === 'Escape') e.stopPropagation();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (e.target === dialog) dialog.close();
      }}
    >
      <div class="device-link-body">
        <header class="device-link-header">
          <h2 id="device-link-title">{t('facilitator.device.title')}</h2>
          <button class="btn" data-testid="facilitator.device.close" onClick={() => dialog.close()}>
            {t('facilitator.device.close')}
          </button>
        </header>
        <p id="device-link-warning" class="device-link-warning" data-testid="facilitator.device.warning">
          {t('facilitator.device.warning')}
        </p>
        <p class="device-link-hint">{t('facilitator.device.scan')}</p>
        <div class="device-link-qr">
          {/* Its own boundary: the encoder loading must not suspend the panel around the dialog. */}
          <Suspense>
            <Show when={qr()}>{(src) => <img data-testid="facilitator.device.qr" src={src()} alt={t('facilitator.device.qr')} width="200" height="200" />}</Show>
          </Suspense>
        </div>
        <label class="device-link-field">
          <span>{t('facilitator.device.link')}</span>
          <input ref={input} class="device-link-url" data-testid="facilitator.device.link" type="text" readOnly value={props.url} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <button class="btn btn-primary device-link-copy" data-testid="facilitator.device.copy" onClick={() => void copy()}>
          {copied() === 'yes' ? t('facilitator.device.copied') : copied() === 'failed' ? t('facilitator.device.copyFailed') : t('facilitator.device.copy')}
        </button>
      </div>
    </dialog>
  );
}
