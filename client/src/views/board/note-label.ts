import { createContext, createMemo, useContext, type Accessor } from 'solid-js';
import { CROSS_CUTTING } from '@wcb/shared';
import { t } from '../../i18n';
import type { BoardContextValue } from './context';
import type { StackOf, StacksView } from './stacks-view';
import type { VotesView } from './votes-view';
import { authorName } from './person-name';

/**
 * Notes' accessible names: what a sighted reader gets from a note and where it stands (text,
 * topic, phase, author, table, votes, criterion, stack). Shared by the full card and the light
 * chip drawn when zoomed out, so a screen reader hears the same note whichever is on screen.
 * The parts every note shares (its topic's and phase's words, table names) are made once per
 * board, not once per note: a board may hold thousands.
 */
export type NoteLabels = { of(id: string): string; roleDescription: Accessor<string>; help: Accessor<string> };

export function createNoteLabels(board: BoardContextValue, votes: Accessor<VotesView | null>, stacks: Accessor<StacksView>, stackOf: StackOf): NoteLabels {
  const topicParts = createMemo(() => {
    const out = new Map<string, string>(board.session.session.topics.map((x) => [x.id, t('a11y.noteTopic', { topic: x.label })]));
    out.set(CROSS_CUTTING, t('a11y.noteTopic', { topic: t('board.crossCutting') }));
    return out;
  });
  const phasePart = createMemo(() => t('a11y.notePhase', { phase: board.session.session.phases.find((p) => p.id === board.phase.phaseId)?.title ?? '' }));
  const tableParts = createMemo(() => new Map(board.session.session.tables.map((x) => [x.id, x.name ? t('a11y.noteTable', { table: x.name }) : ''])));
  const anonymous = createMemo(() => t('a11y.noteAuthor', { author: t('note.anonymous') }));
  const roleDescription = createMemo(() => t('note.roleDescription'));
  const help = createMemo(() => t('note.help'));
  const of = (id: string): string => {
    const n = board.phase.notes[id];
    if (!n) return '';
    const v = votes();
    const count = v?.counts.get(id) ?? 0;
    const myDots = v?.mine.get(id) ?? 0;
    const selected = board.session.facilitation.criteria.isSelected(board.phase.phaseId, n.topic, id);
    const proposed = v?.proposed.get(n.topic)?.includes(id) ?? false;
    const stackCount = stackOf.isHead(id) ? (stacks().count.get(id) ?? 1) : 1;
    const parts = [
      n.text ? t('note.label', { text: n.text }) : t('note.empty'),
      topicParts().get(n.topic) ?? topicParts().get(CROSS_CUTTING),
      phasePart(),
      n.author ? t('a11y.noteAuthor', { author: authorName(n.author) }) : anonymous(),
      n.table ? tableParts().get(n.table) : '',
      v?.showCounts ? t('note.votes', { count }) : '',
      v?.open && myDots > 0 ? t('a11y.noteMyDots', { count: myDots }) : '',
      selected ? t('a11y.noteSelected') : proposed ? t('a11y.noteProposed') : '',
      stackCount > 1 ? t('note.stackTitle', { count: stackCount }) : '',
    ];
    return parts.filter(Boolean).join(', ');
  };
  return { of, roleDescription, help };
}

export const NoteLabelsContext = createContext<NoteLabels>();

export function useNoteLabels(): NoteLabels {
  const labels = useContext(NoteLabelsContext);
  if (!labels) throw new Error('useNoteLabels outside a board');
  return labels;
}
