import { onCleanup, type Accessor } from 'solid-js';
import { panBy, pinch, wheelPixels, wheelZoomFactor, zoomBy, type Point, type Viewport } from '../../board-logic/viewport';

/** Controls that handle their own pointer input; a press on them never pans the board. */
const CONTROLS = 'button, a, input, textarea, select';
const NOTE = '[data-testid="note"]';
// A note's drag tells the canvas, through this DOM event, that it has taken a pointer from the pan.
const CLAIM_EVENT = 'board:pointer-claimed';
// Wheel events further apart than this end a wheel gesture.
const WHEEL_IDLE_MS = 150;

/** Takes `pointerId` away from the pan/pinch of the canvas around `el` (a long press lifted a note). */
export function claimPointer(el: Element, pointerId: number): void {
  el.dispatchEvent(new CustomEvent<number>(CLAIM_EVENT, { bubbles: true, detail: pointerId }));
}

/**
 * Pan and zoom on the canvas element, with pointer events so mouse, pen and touch share one path:
 * drag on empty board pans; two fingers pinch-zoom and pan together; the wheel pans, and
 * ctrl/meta+wheel (what trackpad pinches send) zooms around the pointer.
 *
 * A mouse or pen press on a note drags the note. A finger on a note pans the board like a finger on
 * empty board, until the note's long press claims the pointer (claimPointer) to drag the note.
 */
export function createPanZoom(el: HTMLElement, viewport: Accessor<Viewport>, setViewport: (vp: Viewport) => void, onGesture?: (active: boolean) => void): void {
  const pointers = new Map<number, Point>();
  // A gesture runs while a pointer is down or wheel events keep coming (a trackpad's two-finger
  // scroll): the canvas then moves the drawn board as one layer (see PhaseCanvas, panStyle).
  let wheeling: ReturnType<typeof setTimeout> | undefined;
  let active = false;
  const gesture = (on: boolean) => {
    if (on !== active) onGesture?.((active = on));
  };
  const settle = () => gesture(pointers.size > 0 || wheeling !== undefined);
  // The canvas's place on the page, read when a press starts and kept while pointers are down:
  // read on every move, after the DOM changed, it forced a style and layout pass per move.
  let origin: Point | null = null;
  const local = (e: { clientX: number; clientY: number }): Point => {
    if (!origin || pointers.size === 0) {
      const r = el.getBoundingClientRect();
      origin = { x: r.left, y: r.top };
    }
    return { x: e.clientX - origin.x, y: e.clientY - origin.y };
  };

  const onDown = (e: PointerEvent) => {
    if (e.pointerType === 'mouse' && e.button !== 0 && e.button !== 1) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(CONTROLS)) return;
    const onNote = !!target?.closest(NOTE);
    if (onNote && e.pointerType !== 'touch') return;
    // Middle-click would otherwise start the browser's autoscroll.
    if (e.button === 1) e.preventDefault();
    pointers.set(e.pointerId, local(e));
    // A finger on a note stays captured by the note (touch capture is implicit) and its events
    // bubble here: the note keeps its tap, double-tap and long press, and can claim the pointer.
    if (!onNote) el.setPointerCapture(e.pointerId);
    el.classList.add('is-panning');
    settle();
  };

  const onClaim = (e: Event) => {
    const pointerId = (e as CustomEvent<number>).detail;
    if (!pointers.delete(pointerId)) return;
    if (el.hasPointerCapture(pointerId)) el.releasePointerCapture(pointerId);
    if (pointers.size === 0) el.classList.remove('is-panning');
    settle();
  };

  const onMove = (e: PointerEvent) => {
    const prev = pointers.get(e.pointerId);
    if (!prev) return;
    const before = [...pointers.values()];
    pointers.set(e.pointerId, local(e));
    const after = [...pointers.values()];
    const [a0, b0] = before;
    const [a1, b1] = after;
    if (pointers.size >= 2 && a0 && b0 && a1 && b1) setViewport(pinch(viewport(), [a0, b0], [a1, b1]));
    else if (pointers.size === 1 && a1) setViewport(panBy(viewport(), a1.x - prev.x, a1.y - prev.y));
  };

  const onUp = (e: PointerEvent) => {
    if (!pointers.delete(e.pointerId)) return;
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    if (pointers.size === 0) el.classList.remove('is-panning');
    settle();
  };

  const onWheel = (e: WheelEvent) => {
    // Always ours: ctrl+wheel would zoom the whole page, plain wheel would scroll it.
    e.preventDefault();
    clearTimeout(wheeling);
    wheeling = setTimeout(() => {
      wheeling = undefined;
      settle();
    }, WHEEL_IDLE_MS);
    settle();
    const dx = wheelPixels(e.deltaX, e.deltaMode, el.clientHeight);
    const dy = wheelPixels(e.deltaY, e.deltaMode, el.clientHeight);
    if (e.ctrlKey || e.metaKey) setViewport(zoomBy(viewport(), local(e), wheelZoomFactor(dy)));
    // Shift+wheel scrolls sideways with a mouse that only has a vertical wheel.
    else if (e.shiftKey && dx === 0) setViewport(panBy(viewport(), -dy, 0));
    else setViewport(panBy(viewport(), -dx, -dy));
  };

  el.addEventListener('pointerdown', onDown);
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', onUp);
  el.addEventListener('pointercancel', onUp);
  el.addEventListener('wheel', onWheel, { passive: false });
  el.addEventListener(CLAIM_EVENT, onClaim);
  onCleanup(() => {
    clearTimeout(wheeling);
    el.removeEventListener(CLAIM_EVENT, onClaim);
    el.removeEventListener('pointerdown', onDown);
    el.removeEventListener('pointermove', onMove);
    el.removeEventListener('pointerup', onUp);
    el.removeEventListener('pointercancel', onUp);
    el.removeEventListener('wheel', onWheel);
  });
}
