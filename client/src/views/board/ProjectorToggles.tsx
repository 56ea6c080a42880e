import { t } from '../../i18n';
import { contrastTheme } from './contrast';
import './projector.css';

/** The high-contrast theme, one click away on the board (zoom controls) and in the projector view. */
export function ContrastToggle(props: { class?: string }) {
  const theme = contrastTheme();
  return (
    <button
      class={`btn contrast-toggle ${props.class ?? ''}`}
      data-testid="contrast.toggle"
      aria-pressed={theme.on()}
      title={t('contrast.toggleTitle')}
      onClick={() => theme.toggle()}
    >
      <ContrastIcon />
      {/* Both places show the icon alone; the name stays for screen readers. */}
      <span class="visually-hidden">{t('contrast.toggle')}</span>
    </button>
  );
}

/** Into the projector view (large type, follows the facilitator) or back to the full board. */
export function ProjectorToggle(props: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      class="btn projector-toggle"
      data-testid="projector.toggle"
      data-on={props.on ? 'true' : 'false'}
      title={t(props.on ? 'projector.leaveTitle' : 'projector.openTitle')}
      onClick={() => props.onChange(!props.on)}
    >
      <ScreenIcon />
      <span>{t(props.on ? 'projector.leave' : 'projector.open')}</span>
    </button>
  );
}

function ContrastIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
    </svg>
  );
}

function ScreenIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="3" y="4" width="18" height="12" rx="1.5" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M12 16v4M8 20h8" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}
