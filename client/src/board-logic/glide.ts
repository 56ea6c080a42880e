import { onCleanup, type Accessor } from 'solid-js';
import { easeInOut, interpolateViewport, type Viewport } from './viewport';

const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Moves a viewport to a target over `ms`, eased, one frame at a time; a jump under
 * prefers-reduced-motion (the next frame already shows the target). The target is a function, read
 * at every frame: the canvas may change size while the move runs. Stops with its owner.
 */
export function createGlide(viewport: Accessor<Viewport>, setViewport: (vp: Viewport) => void, ms: number) {
  let frame = 0;
  const stop = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
  onCleanup(stop);
  const to = (target: () => Viewport) => {
    stop();
    if (prefersReducedMotion() || typeof requestAnimationFrame !== 'function') return setViewport(target());
    const from = viewport();
    const start = performance.now();
    // performance.now() both times, not the frame's timestamp: one clock for the start and each step.
    const step = () => {
      const t = (performance.now() - start) / ms;
      setViewport(t >= 1 ? target() : interpolateViewport(from, target(), easeInOut(t)));
      frame = t >= 1 ? 0 : requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  };
  return { to, stop };
}
