/**
 * What the board's live region says about other people's changes, coalesced: a screen reader user
 * hears one short sentence per window ("Olena added 3 notes"), never a stream of per-keystroke
 * updates. Pure: the Announcer collects events for a window and asks this for the sentences.
 */

export type BoardEvent =
  | { kind: 'added'; note: string; who: string }
  | { kind: 'edited'; note: string }
  | { kind: 'removed'; note: string }
  | { kind: 'phase'; title: string }
  | { kind: 'timer-ended' }
  | { kind: 'voting'; open: boolean };

/** One sentence to say, as an i18n key with its parameters (the view translates it). */
export type Announcement =
  | { key: 'a11y.added'; params: { who: string; count: number } }
  | { key: 'a11y.addedAnonymous'; params: { count: number } }
  | { key: 'a11y.edited'; params: { count: number } }
  | { key: 'a11y.removed'; params: { count: number } }
  | { key: 'a11y.phase'; params: { title: string } }
  | { key: 'a11y.timerEnded'; params: Record<string, never> }
  | { key: 'a11y.votingOpened'; params: Record<string, never> }
  | { key: 'a11y.votingClosed'; params: Record<string, never> };

/**
 * The sentences for one window of events. Each note counts once, as what happened to it in the
 * end: added then edited is "added"; added then removed in the same window is nothing at all;
 * edits of one note count once. The phase and voting say only their latest state.
 */
export function summarize(events: readonly BoardEvent[]): Announcement[] {
  const added = new Map<string, string>();
  const edited = new Set<string>();
  const removed = new Set<string>();
  let phase: string | null = null;
  let voting: boolean | null = null;
  let timerEnded = false;
  for (const e of events) {
    switch (e.kind) {
      case 'added':
        removed.delete(e.note);
        added.set(e.note, e.who);
        break;
      case 'edited':
        if (!added.has(e.note) && !removed.has(e.note)) edited.add(e.note);
        break;
      case 'removed':
        edited.delete(e.note);
        if (!added.delete(e.note)) removed.add(e.note);
        break;
      case 'phase':
        phase = e.title;
        break;
      case 'voting':
        voting = e.open;
        break;
      case 'timer-ended':
        timerEnded = true;
        break;
    }
  }
  const out: Announcement[] = [];
  // The phase first: the notes that follow may belong to it.
  if (phase !== null) out.push({ key: 'a11y.phase', params: { title: phase } });
  if (timerEnded) out.push({ key: 'a11y.timerEnded', params: {} });
  if (voting !== null) out.push({ key: voting ? 'a11y.votingOpened' : 'a11y.votingClosed', params: {} });
  const byWho = new Map<string, number>();
  for (const who of added.values()) byWho.set(who, (byWho.get(who) ?? 0) + 1);
  for (const [who, count] of byWho) {
    out.push(who ? { key: 'a11y.added', params: { who, count } } : { key: 'a11y.addedAnonymous', params: { count } });
  }
  if (edited.size) out.push({ key: 'a11y.edited', params: { count: edited.size } });
  if (removed.size) out.push({ key: 'a11y.removed', params: { count: removed.size } });
  return out;
}
