import type { Accessor } from 'solid-js';
import { formatPercent, t } from '../../i18n';
import { zoomBy, zoomTo, ZOOM_MAX, ZOOM_MIN, ZOOM_STEP, type Size, type Viewport } from '../../board-logic/viewport';
import { useBoard } from './context';
import { ContrastToggle } from './ProjectorToggles';

export function ZoomControls(props: { size: Accessor<Size | null>; onFit: () => void; setViewport: (vp: Viewport) => void }) {
  const board = useBoard();
  const center = () => {
    const s = props.size();
    return s ? { x: s.width / 2, y: s.height / 2 } : { x: 0, y: 0 };
  };
  const zoom = () => board.viewport().zoom;
  return (
    <div class="zoom" role="group" aria-label={`${t('board.zoomOut')} / ${t('board.zoomIn')}`}>
      <button
        class="btn btn-icon"
        data-testid="board.zoom-out"
        aria-label={t('board.zoomOut')}
        title={t('board.zoomOut')}
        disabled={zoom() <= ZOOM_MIN + 1e-6}
        onClick={() => props.setViewport(zoomBy(board.viewport(), center(), 1 / ZOOM_STEP))}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M5 12h14" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
        </svg>
      </button>
      <button
        class="zoom-level"
        data-testid="board.zoom-reset"
        // The visible percentage starts the name (speech input users say what they see).
        aria-label={`${formatPercent(zoom())}, ${t('board.zoomReset')}`}
        title={t('board.zoomReset')}
        onClick={() => props.setViewport(zoomTo(board.viewport(), center(), 1))}
      >
        {formatPercent(zoom())}
      </button>
      <button
        class="btn btn-icon"
        data-testid="board.zoom-in"
        aria-label={t('board.zoomIn')}
        title={t('board.zoomIn')}
        disabled={zoom() >= ZOOM_MAX - 1e-6}
        onClick={() => props.setViewport(zoomBy(board.viewport(), center(), ZOOM_STEP))}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
        </svg>
      </button>
      <button class="btn btn-icon" data-testid="board.zoom-fit" aria-label={t('board.zoomFit')} title={t('board.zoomFit')} onClick={() => props.onFit()}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </button>
      <ContrastToggle />
    </div>
  );
}
