import type { ClusterSuggestion, Note } from '@wcb/shared';
import type { KeyValueStore } from '../lib/storage';

/**
 * Similar-note suggestions as this device shows them: suggestClusters' groups minus the ones this
 * person ignored. An ignored group is remembered by its exact notes, so a new similar note brings
 * the (now larger) group back.
 */
export const suggestionId = (s: ClusterSuggestion): string => `${s.topic}|${[...s.noteIds].sort().join(',')}`;

const storeKey = (sessionId: string, phaseId: string) => `wcb:ignored-suggestions:${sessionId}:${phaseId}`;
// Enough for a long session; the oldest are forgotten first.
const MAX_IGNORED = 200;

export function loadIgnored(store: KeyValueStore, sessionId: string, phaseId: string): Set<string> {
  try {
    const raw: unknown = JSON.parse(store.getItem(storeKey(sessionId, phaseId)) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveIgnored(store: KeyValueStore, sessionId: string, phaseId: string, ignored: ReadonlySet<string>): void {
  try {
    store.setItem(storeKey(sessionId, phaseId), JSON.stringify([...ignored].slice(-MAX_IGNORED)));
  } catch {
    // Storage full or blocked: the choice lasts for this page only.
  }
}

export type SuggestionRow = ClusterSuggestion & { id: string; label: string; texts: string[]; count: number };

/** The suggestions to show, with the first note's text as the label ("Конкуренція ×3"). */
export function visibleSuggestions(
  list: readonly ClusterSuggestion[],
  notes: ReadonlyMap<string, Note>,
  ignored: ReadonlySet<string>,
): SuggestionRow[] {
  const out: SuggestionRow[] = [];
  for (const s of list) {
    const id = suggestionId(s);
    if (ignored.has(id)) continue;
    const texts = s.noteIds.map((n) => notes.get(n)?.text.trim() ?? '').filter(Boolean);
    out.push({ ...s, id, label: texts[0] ?? s.key, texts, count: s.noteIds.length });
  }
  return out;
}
