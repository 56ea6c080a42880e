import { createMemo, For, Show } from 'solid-js';
import type { Note } from '@wcb/shared';
import { t } from '../../i18n';
import { topNotes, VOTE_BAR_ROW_H, VOTE_BARS_LIMIT } from '../../board-logic/vote-bars';
import { useBoard } from './context';
import { useVotes } from './votes-view';

/**
 * After voting closed: the notes of one topic with the most dots, as a small bar chart above the
 * column. The ones proposeCriteria proposes as selected criteria are marked.
 */
export function VoteBar(props: { topic: string; label: string }) {
  const board = useBoard();
  const votes = useVotes();
  const rows = createMemo(() => {
    const v = votes();
    if (!v || v.open) return [];
    const notes = Object.values(board.phase.notes).filter((n): n is Note => n !== undefined && n.topic === props.topic);
    return topNotes(notes, v.counts, VOTE_BARS_LIMIT);
  });
  const max = () => Math.max(1, ...rows().map((r) => r.votes));
  const proposed = (id: string) => votes()?.proposed.get(props.topic)?.includes(id) ?? false;
  return (
    <Show when={rows().length > 0}>
      <figure class="vote-bars" data-testid="board.vote-bars" data-topic-id={props.topic} aria-label={t('vote.results', { topic: props.label })}>
        <For each={rows()}>
          {(row) => (
            <div
              class="vote-bar"
              classList={{ 'is-proposed': proposed(row.note.id) }}
              // Fixed: the projector frames the chart by its row count (voteBarsReach).
              style={{ height: `${VOTE_BAR_ROW_H}px` }}
              data-note-id={row.note.id}
              data-votes={row.votes}
            >
              <span class="vote-bar-text">{row.note.text || t('note.empty')}</span>
              <span class="vote-bar-track">
                <span class="vote-bar-fill" style={{ width: `${(row.votes / max()) * 100}%` }} />
              </span>
              <span class="vote-bar-count">{row.votes}</span>
            </div>
          )}
        </For>
      </figure>
    </Show>
  );
}
