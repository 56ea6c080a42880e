/** Fields of the facilitator's panel commit on change (blur or Enter); Enter also leaves the field. */
export const commitOnEnter = (e: KeyboardEvent): void => {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.target.blur();
};

export const inputValue = (e: Event): string => (e.currentTarget as HTMLInputElement).value;

/** Moves focus to the element matching `selector` once Solid has drawn it (after an add). */
export const focusSoon = (selector: string): void =>
  queueMicrotask(() => {
    const el = document.querySelector<HTMLInputElement>(selector);
    el?.focus();
    el?.select();
  });
