import { createEffect, createSignal, on, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../../i18n';
import { watchOverflow } from './overflow-watch';

/**
 * A note's text as read on the board. When the note's height cuts it off, a visible "more"
 * says so and opens the note to its whole text ("less" closes it again); the note itself grows
 * (NoteCard's `is-expanded`), so nothing is hidden behind a scroll bar that touch screens never
 * show.
 */
export function NoteText(props: { text: string; expanded: boolean; onExpand: (expanded: boolean) => void; onClipped: (clipped: boolean) => void }) {
  let box!: HTMLDivElement;
  const [clipped, setClipped] = createSignal(false);
  onMount(() => {
    // eslint-disable-next-line solid/reactivity -- a callback the observer calls; it reads props when it runs.
    const watch = watchOverflow(box, (cut) => {
      setClipped(cut);
      props.onClipped(cut);
    });
    createEffect(on(() => props.text, () => watch.recheck(), { defer: true }));
    onCleanup(watch.stop);
  });
  return (
    <>
      <div ref={box} class="note-text" data-testid="note.text" data-clipped={clipped()}>
        {props.text}
      </div>
      <Show when={clipped() || props.expanded}>
        <button
          class="note-more"
          data-testid="note.more"
          aria-expanded={props.expanded}
          onClick={(e) => {
            e.stopPropagation();
            props.onExpand(!props.expanded);
          }}
          onDblClick={(e) => e.stopPropagation()}
        >
          {props.expanded ? t('note.less') : t('note.more')}
        </button>
      </Show>
    </>
  );
}
