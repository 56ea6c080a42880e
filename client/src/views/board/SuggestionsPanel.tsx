import { createMemo, createSignal, For, Show } from 'solid-js';
import { suggestClusters, type Note } from '@wcb/shared';
import { t } from '../../i18n';
import { browserStore } from '../../lib/storage';
import { loadIgnored, saveIgnored, visibleSuggestions, type SuggestionRow } from '../../board-logic/suggestions';
import { useBoard } from './context';

/**
 * "Suggestions": groups of notes in one cell that probably say the same thing. Accepting stacks
 * them all onto the first; ignoring hides the group on this device. Nothing is merged by itself.
 */
export function SuggestionsPanel() {
  const board = useBoard();
  const [open, setOpen] = createSignal(false);
  const store = browserStore();
  const sessionId = () => board.session.id;
  const phaseId = () => board.phase.phaseId;
  // Re-read when the phase changes or after this device ignores a group.
  const [saved, setSaved] = createSignal(0);
  const ignored = createMemo(() => {
    saved();
    return loadIgnored(store, sessionId(), phaseId());
  });
  const notes = createMemo(() => Object.values(board.phase.notes).filter((n): n is Note => n !== undefined));
  const rows = createMemo(() => {
    if (!open()) return [];
    const list = notes();
    return visibleSuggestions(suggestClusters(list), new Map(list.map((n) => [n.id, n])), ignored());
  });
  const topicLabel = (id: string) => board.session.session.topics.find((x) => x.id === id)?.label ?? t('board.crossCutting');
  const accept = (row: SuggestionRow) => {
    const [head, ...rest] = row.noteIds;
    if (!head) return;
    for (const id of rest) board.phase.actions.stack(id, head);
  };
  const ignore = (row: SuggestionRow) => {
    const next = new Set(ignored());
    next.add(row.id);
    saveIgnored(store, sessionId(), phaseId(), next);
    setSaved((v) => v + 1);
  };
  return (
    <Show when={!board.readOnly()}>
      <div class="suggestions">
        <button class="btn suggestions-toggle" data-testid="board.suggestions" aria-expanded={open()} onClick={() => setOpen((o) => !o)}>
          {t('suggestions.toggle')}
        </button>
        <Show when={open()}>
          <div class="suggestions-panel" data-testid="suggestions.panel" role="region" aria-label={t('suggestions.title')}>
            <Show when={rows().length > 0} fallback={<p>{t('suggestions.none')}</p>}>
              <ul>
                <For each={rows()}>
                  {(row) => (
                    <li class="suggestion" data-testid="suggestion" data-topic-id={row.topic} data-count={row.count}>
                      <span class="suggestion-label" title={row.texts.join(' · ')}>
                        <strong>{t('suggestions.label', { text: row.label, count: row.count })}</strong>
                        <span class="suggestion-topic">{topicLabel(row.topic)}</span>
                        <span class="suggestion-texts">{row.texts.join(' · ')}</span>
                      </span>
                      <button class="btn" data-testid="suggestion.accept" onClick={() => accept(row)}>
                        {t('suggestions.accept')}
                      </button>
                      <button class="btn" data-testid="suggestion.ignore" onClick={() => ignore(row)}>
                        {t('suggestions.ignore')}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        </Show>
      </div>
    </Show>
  );
}
