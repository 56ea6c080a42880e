import { createResource, createSignal, For, onMount, Show, Suspense } from 'solid-js';
import { t } from '../../i18n';
import { qrDataUrl } from '../../lib/qr';
import { SHARE_ROLES, type Share, type ShareRole } from '../../sync/share';
import './share.css';

/**
 * The facilitator's participant and viewer links: copy, scan (QR for the projector), or replace
 * one (the old link stops working at once and its holders see why).
 */
export function ShareDialog(props: { share: Share; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());
  return (
    <dialog
      ref={dialog}
      class="share"
      data-testid="share.dialog"
      aria-labelledby="share-title"
      onClose={() => props.onClose()}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (e.target === dialog) dialog.close();
      }}
    >
      <div class="share-body">
        <header class="share-header">
          <h2 id="share-title">{t('share.title')}</h2>
          <button class="btn" data-testid="share.close" onClick={() => dialog.close()}>
            {t('share.close')}
          </button>
        </header>
        <p class="share-intro">{t('share.intro')}</p>
        <div class="share-links">
          <For each={SHARE_ROLES}>{(role) => <ShareLink share={props.share} role={role} />}</For>
        </div>
      </div>
    </dialog>
  );
}

function ShareLink(props: { share: Share; role: ShareRole }) {
  const url = () => props.share.links()?.[props.role] ?? '';
  const [qr] = createResource(url, qrDataUrl);
  const [copied, setCopied] = createSignal<'yes' | 'failed' | null>(null);
  const [rotating, setRotating] = createSignal(false);
  const [rotateFailed, setRotateFailed] = createSignal(false);
  let input!: HTMLInputElement;
  const label = () => t(props.role === 'participant' ? 'share.participant' : 'share.viewer');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url());
      setCopied('yes');
    } catch {
      // No clipboard permission (or an insecure origin): leave the link selected for Ctrl+C.
      input.select();
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  const rotate = async () => {
    setRotating(true);
    setRotateFailed(false);
    try {
      await props.share.rotate(props.role);
    } catch {
      setRotateFailed(true);
    } finally {
      setRotating(false);
    }
  };

  return (
    <section class="share-link" data-role={props.role} aria-label={label()}>
      <h3>{label()}</h3>
      <p class="share-hint">{t(props.role === 'participant' ? 'share.participantHint' : 'share.viewerHint')}</p>
      {/* A hall's facilitator puts the viewer link on the wall: say what it will look like there. */}
      <Show when={props.role === 'viewer'}>
        <p class="share-hint share-projector" data-testid="share.projector-hint">
          {t('projector.shareHint')}
        </p>
      </Show>
      <div class="share-qr">
        {/* Its own boundary: the QR code loading must not suspend the board around the dialog. */}
        <Suspense>
          <Show when={qr()}>
            {(src) => <img data-testid="share.qr" data-role={props.role} src={src()} alt={t('share.qr', { role: label() })} width="168" height="168" />}
          </Show>
        </Suspense>
      </div>
      <input
        ref={input}
        class="share-url"
        data-testid="share.link"
        data-role={props.role}
        type="text"
        readOnly
        value={url()}
        aria-label={label()}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div class="share-actions">
        <button class="btn btn-primary" data-testid="share.copy" data-role={props.role} onClick={copy}>
          {copied() === 'yes' ? t('share.copied') : copied() === 'failed' ? t('share.copyFailed') : t('share.copy')}
        </button>
        <button class="btn" data-testid="share.rotate" data-role={props.role} title={t('share.rotateTitle')} disabled={rotating()} onClick={rotate}>
          {rotating() ? t('share.rotating') : t('share.rotate')}
        </button>
      </div>
      <Show when={rotateFailed()}>
        <p class="share-error" role="alert">
          {t('share.rotateFailed')}
        </p>
      </Show>
    </section>
  );
}
