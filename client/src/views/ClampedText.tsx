import { createEffect, createSignal, on, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../i18n';
import './clamped-text.css';

/**
 * A heading shown to `lines` lines at most, with More / Less when it is cut: a question pasted
 * whole (up to 500 characters, perhaps without a space) must not push the notes off a laptop or
 * a phone. The whole text stays in the heading, so a screen reader reads it all; only the view
 * is cut.
 */
export function ClampedHeading(props: { text: string; lines: number; class: string; testid: string }) {
  let heading!: HTMLHeadingElement;
  const [open, setOpen] = createSignal(false);
  const [cut, setCut] = createSignal(false);
  const measure = () => setCut(open() || heading.scrollHeight > heading.clientHeight + 1);
  onMount(() => {
    const resized = new ResizeObserver(measure);
    resized.observe(heading);
    onCleanup(() => resized.disconnect());
  });
  // Another question: shown cut again, and measured once laid out.
  createEffect(on(() => props.text, () => {
    setOpen(false);
    requestAnimationFrame(measure);
  }));
  return (
    <>
      <h2 ref={heading} class={props.class} classList={{ 'line-clamp': !open() }} style={{ '--clamp-lines': String(props.lines) }} data-testid={props.testid}>
        {props.text}
      </h2>
      <Show when={cut()}>
        <button type="button" class="btn clamp-toggle" data-testid={`${props.testid}-more`} aria-expanded={open()} onClick={() => setOpen(!open())}>
          {open() ? t('note.less') : t('note.more')}
        </button>
      </Show>
    </>
  );
}
