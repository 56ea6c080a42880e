import type { JSX } from 'solid-js';

/** A full-width message under the top bar: connecting, offline and empty, read-only. */
export function Banner(props: { kind: 'info' | 'warning'; busy?: boolean; reason?: string; children: JSX.Element }) {
  return (
    <div
      class="banner"
      classList={{ 'banner-warning': props.kind === 'warning' }}
      data-testid="board.banner"
      data-reason={props.reason}
      role="status"
    >
      {props.busy && <span class="spinner" aria-hidden="true" />}
      <div>{props.children}</div>
    </div>
  );
}
