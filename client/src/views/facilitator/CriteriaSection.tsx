import { createMemo, createSignal, For, Show } from 'solid-js';
import { proposeCriteria, type Note } from '@wcb/shared';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { CriteriaTopic } from './CriteriaTopic';

type Props = { session: Session };

/** The notes of the voted phase, whatever phase is on screen (the session keeps its room open for the facilitator). */
const phaseNotes = (session: Session): Note[] =>
  Object.values(session.voted()?.phase.notes ?? {}).filter((n): n is Note => n !== undefined);

const noteLabel = (n: Note | undefined): string => (n ? n.text.trim() || t('note.empty') : '?');

/**
 * After voting closed: per topic (CriteriaTopic.tsx), the proposed criteria (most dots) not yet
 * confirmed, to confirm in the facilitator's own wording, and the confirmed criteria to reword,
 * remove or add to. Writes go through session.facilitation, reads through its criteria view.
 */
export function CriteriaSection(props: Props) {
  const v = () => props.session.voting();
  const room = () => props.session.voted()?.votes;
  const ready = () => {
    const s = v();
    return !!s && !s.open && room()?.phaseId === s.phaseId;
  };
  const notes = createMemo(() => (ready() ? phaseNotes(props.session) : []));
  const proposed = createMemo(() => {
    const s = v();
    const r = room();
    return s && r && ready() ? proposeCriteria(notes(), r.tally(s.budget)) : new Map<string, string[]>();
  });
  const byTopic = createMemo(() => {
    const out = new Map<string, Map<string, Note>>();
    for (const n of notes()) out.set(n.topic, (out.get(n.topic) ?? new Map()).set(n.id, n));
    return out;
  });
  return (
    <Show when={v() && !v()!.open}>
      <div class="fac-criteria" data-testid="criteria.section">
        <h4>{t('criteria.title')}</h4>
        <Show when={ready()} fallback={<p>{t('criteria.loading')}</p>}>
          <For each={props.session.session.topics}>
            {(topic) => (
              <CriteriaTopic
                session={props.session}
                phaseId={v()!.phaseId}
                topic={topic}
                notes={byTopic().get(topic.id) ?? new Map()}
                proposal={proposed().get(topic.id) ?? []}
              />
            )}
          </For>
        </Show>
      </div>
    </Show>
  );
}

/**
 * Paper dots: a table voted on paper, the facilitator types them in. The dots are cast with the
 * table id as voter, so they share that table's budget (castDot caps each voter at the budget):
 * with voting per table, the table's on-screen and paper dots add up to one budget; with voting per
 * participant, the table counts as one more voter with its own budget.
 */
export function PaperDots(props: Props) {
  const v = () => props.session.voting();
  const room = () => props.session.voted()?.votes;
  const ready = () => {
    const s = v();
    return !!s && s.open && room()?.phaseId === s.phaseId;
  };
  const [table, setTable] = createSignal('');
  const [note, setNote] = createSignal('');
  const [count, setCount] = createSignal(1);
  const [result, setResult] = createSignal<string | null>(null);
  const notes = createMemo(() => (ready() ? phaseNotes(props.session) : []));
  const add = () => {
    const s = v();
    const r = room();
    if (!s || !r || !table() || !note()) return;
    let cast = 0;
    for (let i = 0; i < Math.max(0, Math.min(s.budget, Math.floor(count()))); i++) if (r.cast(table(), note(), s.budget)) cast++;
    setResult(t('paper.result', { cast, left: r.mine(table(), s.budget).left }));
  };
  return (
    <Show when={ready() && props.session.session.tables.length > 0}>
      <div class="fac-paper" data-testid="paper.section">
        <h4>{t('paper.title')}</h4>
        <p class="fac-hint">{t('paper.budgetNote')}</p>
        <div class="fac-inline">
          <select data-testid="paper.table" aria-label={t('paper.table')} value={table()} onChange={(e) => setTable(e.currentTarget.value)}>
            <option value="">{t('paper.pickTable')}</option>
            <For each={props.session.session.tables}>{(tb) => <option value={tb.id}>{tb.name}</option>}</For>
          </select>
          <select data-testid="paper.note" aria-label={t('paper.note')} value={note()} onChange={(e) => setNote(e.currentTarget.value)}>
            <option value="">{t('paper.pickNote')}</option>
            <For each={notes()}>{(n) => <option value={n.id}>{noteLabel(n)}</option>}</For>
          </select>
          <input
            type="number"
            min="1"
            max={v()?.budget ?? 1}
            data-testid="paper.count"
            aria-label={t('paper.count')}
            value={count()}
            onChange={(e) => setCount(Number(e.currentTarget.value) || 0)}
          />
          <button class="btn" data-testid="paper.add" disabled={!table() || !note() || count() < 1} onClick={add}>
            {t('paper.add')}
          </button>
        </div>
        <Show when={result()}>
          <p data-testid="paper.result" role="status">
            {result()}
          </p>
        </Show>
      </div>
    </Show>
  );
}
