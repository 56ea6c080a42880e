import { createMemo, createSignal, For, Show } from 'solid-js';
import { proposeCriteria, setSelection, type Note } from '@wcb/shared';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { editSelection, selectionOf } from '../board/selection-view';

type Props = { session: Session };

/** The notes of the voted phase, whatever phase is on screen (the session keeps its room open for the facilitator). */
const phaseNotes = (session: Session): Note[] =>
  Object.values(session.voted()?.phase.notes ?? {}).filter((n): n is Note => n !== undefined);

const noteLabel = (n: Note | undefined): string => (n ? n.text.trim() || t('note.empty') : '?');

/**
 * After voting closed: per topic, the proposed criteria (most dots) not yet confirmed, to confirm,
 * and the confirmed list to edit. Confirming adds the proposed notes to the confirmed list (one
 * setSelection of the whole list, so the last write wins); once they are all confirmed the topic
 * says so instead of offering them again.
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
  const selection = () => (v() ? selectionOf(props.session.controlDoc, v()!.phaseId) : new Map<string, readonly string[]>());
  const byId = createMemo(() => new Map(notes().map((n) => [n.id, n])));
  const write = (topicId: string, ids: readonly string[]) => {
    const s = v();
    if (!s || !props.session.canControl()) return;
    try {
      setSelection(props.session.controlDoc, s.phaseId, topicId, ids);
    } catch (e) {
      console.warn('Selection not saved:', e);
    }
  };
  return (
    <Show when={v() && !v()!.open}>
      <div class="fac-criteria" data-testid="criteria.section">
        <h4>{t('criteria.title')}</h4>
        <Show when={ready()} fallback={<p>{t('criteria.loading')}</p>}>
          <For each={props.session.session.topics}>
            {(topic) => {
              const confirmed = () => selection().get(topic.id) ?? [];
              const proposal = () => proposed().get(topic.id) ?? [];
              // Proposed and not confirmed yet: the only ones a "Confirm" may offer.
              const unconfirmed = () => proposal().filter((id) => !confirmed().includes(id));
              const proposalState = () => (proposal().length === 0 ? 'none' : unconfirmed().length === 0 ? 'confirmed' : 'proposed');
              const candidates = () => notes().filter((n) => n.topic === topic.id && !confirmed().includes(n.id));
              return (
                <div class="fac-criteria-topic" data-testid="criteria.topic" data-topic-id={topic.id} data-state={proposalState()}>
                  <h5>{topic.label}</h5>
                  <p class="fac-criteria-proposed" data-testid="criteria.proposal" data-topic-id={topic.id} data-state={proposalState()}>
                    {proposalState() === 'none'
                      ? t('criteria.none')
                      : proposalState() === 'confirmed'
                        ? t('criteria.allConfirmed')
                        : t('criteria.proposed', { list: unconfirmed().map((id) => noteLabel(byId().get(id))).join(', ') })}
                  </p>
                  <Show when={proposalState() === 'proposed'}>
                    <button class="btn" data-testid="criteria.confirm" data-topic-id={topic.id} onClick={() => write(topic.id, [...confirmed(), ...unconfirmed()])}>
                      {t('criteria.confirm')}
                    </button>
                  </Show>
                  <ul class="fac-list" data-testid="criteria.selected" data-topic-id={topic.id}>
                    <For each={confirmed()}>
                      {(id) => (
                        <li class="fac-row">
                          <span>{noteLabel(byId().get(id))}</span>
                          <button
                            class="btn btn-icon"
                            data-testid="criteria.remove"
                            data-note-id={id}
                            aria-label={t('criteria.remove', { note: noteLabel(byId().get(id)) })}
                            onClick={() => write(topic.id, editSelection(confirmed(), { remove: id }))}
                          >
                            ×
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={candidates().length > 0}>
                    <select
                      data-testid="criteria.add"
                      data-topic-id={topic.id}
                      aria-label={t('criteria.add', { topic: topic.label })}
                      value=""
                      onChange={(e) => {
                        const id = e.currentTarget.value;
                        e.currentTarget.value = '';
                        if (id) write(topic.id, editSelection(confirmed(), { add: id }));
                      }}
                    >
                      <option value="">{t('criteria.addPlaceholder')}</option>
                      <For each={candidates()}>{(n) => <option value={n.id}>{noteLabel(n)}</option>}</For>
                    </select>
                  </Show>
                </div>
              );
            }}
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
