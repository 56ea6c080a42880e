import { createSignal, For, Show } from 'solid-js';
import { criterionWording, type Criterion, type Note, type Topic } from '@wcb/shared';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { CriterionForm } from './CriterionForm';
import './criteria.css';

type Props = {
  session: Session;
  phaseId: string;
  topic: Topic;
  /** The voted phase's notes of this topic, by id. */
  notes: ReadonlyMap<string, Note>;
  /** Proposed by the dots (proposeCriteria), in order. */
  proposal: readonly string[];
};

const noteLabel = (n: Note | undefined): string => (n ? n.text.trim() || t('note.empty') : '?');

/**
 * One topic of the criteria panel: the proposal, the confirm form (the notes to confirm, and the
 * wording they are distilled into: empty keeps each note as its own criterion in its own words),
 * and the confirmed criteria, each rewordable and removable. Every write goes through
 * `session.facilitation`.
 */
export function CriteriaTopic(props: Props) {
  const f = () => props.session.facilitation;
  const criteria = (): readonly Criterion[] => f().criteria.of(props.phaseId).get(props.topic.id) ?? [];
  const inCriteria = () => new Set(criteria().flatMap((c) => c.noteIds));
  const unconfirmed = () => props.proposal.filter((id) => !inCriteria().has(id));
  const state = () => (props.proposal.length === 0 ? 'none' : unconfirmed().length === 0 ? 'confirmed' : 'proposed');
  const textOf = (id: string) => props.notes.get(id)?.text;
  const wordingOf = (c: Criterion) => criterionWording(c, textOf) || t('note.empty');
  const [confirming, setConfirming] = createSignal(false);
  const [editing, setEditing] = createSignal<string | null>(null);
  const candidates = () => [...props.notes.values()].filter((n) => !inCriteria().has(n.id));
  // A topic row is keyed by its topic (For): its id never changes under it.
  // eslint-disable-next-line solid/reactivity
  const tid = props.topic.id;
  return (
    <div class="fac-criteria-topic" data-testid="criteria.topic" data-topic-id={tid} data-state={state()}>
      <h5>{props.topic.label}</h5>
      <p class="fac-criteria-proposed" data-testid="criteria.proposal" data-topic-id={tid} data-state={state()}>
        {state() === 'none'
          ? t('criteria.none')
          : state() === 'confirmed'
            ? t('criteria.allConfirmed')
            : t('criteria.proposed', { list: unconfirmed().map((id) => noteLabel(props.notes.get(id))).join(', ') })}
      </p>
      <Show when={state() === 'proposed' && !confirming()}>
        <button class="btn" data-testid="criteria.confirm" data-topic-id={tid} onClick={() => setConfirming(true)}>
          {t('criteria.confirm')}
        </button>
      </Show>
      <Show when={confirming()}>
        <ConfirmForm
          topic={props.topic}
          notes={[...unconfirmed(), ...candidates().map((n) => n.id).filter((id) => !unconfirmed().includes(id))].map((id) => props.notes.get(id)!).filter(Boolean)}
          checked={new Set(unconfirmed())}
          onDone={(noteIds, wording) => {
            if (wording) f().addCriterion({ phaseId: props.phaseId, topicId: tid, text: wording, noteIds });
            else for (const id of noteIds) f().addCriterion({ phaseId: props.phaseId, topicId: tid, text: '', noteIds: [id] });
            setConfirming(false);
          }}
          onCancel={() => setConfirming(false)}
        />
      </Show>
      <ul class="fac-list fac-criteria-list" data-testid="criteria.selected" data-topic-id={tid}>
        <For each={criteria()}>
          {(c) => (
            <li class="fac-criterion" data-testid="criteria.item" data-criterion-id={c.id}>
              <Show
                when={editing() === c.id}
                fallback={
                  <CriterionRow
                    wording={wordingOf(c)}
                    sources={c.noteIds.map((id) => noteLabel(props.notes.get(id)))}
                    criterion={c}
                    onEdit={() => setEditing(c.id)}
                    onRemove={() => f().removeCriterion(props.phaseId, c.id)}
                  />
                }
              >
                <RewordForm
                  initial={wordingOf(c)}
                  onSave={(text) => {
                    f().rewordCriterion(props.phaseId, c.id, text);
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={candidates().length > 0}>
        <select
          data-testid="criteria.add"
          data-topic-id={tid}
          aria-label={t('criteria.add', { topic: props.topic.label })}
          value=""
          onChange={(e) => {
            const id = e.currentTarget.value;
            e.currentTarget.value = '';
            if (id) f().addCriterion({ phaseId: props.phaseId, topicId: tid, text: '', noteIds: [id] });
          }}
        >
          <option value="">{t('criteria.addPlaceholder')}</option>
          <For each={candidates()}>{(n) => <option value={n.id}>{noteLabel(n)}</option>}</For>
        </select>
      </Show>
    </div>
  );
}

function CriterionRow(props: { wording: string; sources: string[]; criterion: Criterion; onEdit: () => void; onRemove: () => void }) {
  // Reworded, or distilled from several notes: say what it came from.
  const showSources = () => props.sources.length > 1 || (props.sources.length === 1 && props.criterion.text !== '' && props.sources[0] !== props.wording);
  return (
    <div class="fac-row fac-criterion-row">
      <span class="fac-criterion-text" data-testid="criteria.wording">
        {props.wording}
        <Show when={showSources()}>
          <small class="fac-criterion-sources" data-testid="criteria.sources">
            {t('criteria.from', { list: props.sources.join('; ') })}
          </small>
        </Show>
      </span>
      <button class="btn btn-icon" data-testid="criteria.edit" data-criterion-id={props.criterion.id} aria-label={t('criteria.edit', { criterion: props.wording })} onClick={() => props.onEdit()}>
        ✎
      </button>
      <button
        class="btn btn-icon"
        data-testid="criteria.remove"
        data-criterion-id={props.criterion.id}
        data-note-id={props.criterion.noteIds[0] ?? ''}
        aria-label={t('criteria.remove', { note: props.wording })}
        onClick={() => props.onRemove()}
      >
        ×
      </button>
    </div>
  );
}

function RewordForm(props: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = createSignal(props.initial);
  return (
    <CriterionForm
      name="reword"
      inputTestId="criteria.reword"
      wording={text()}
      onWording={setText}
      enterSaves
      saveLabel={t('criteria.save')}
      onSave={() => props.onSave(text())}
      onCancel={() => props.onCancel()}
    />
  );
}

function ConfirmForm(props: { topic: Topic; notes: Note[]; checked: ReadonlySet<string>; onDone: (noteIds: string[], wording: string) => void; onCancel: () => void }) {
  // The proposal when the form opened: later dots do not tick boxes under the facilitator's hand.
  // eslint-disable-next-line solid/reactivity
  const [picked, setPicked] = createSignal(new Set(props.checked));
  const [wording, setWording] = createSignal('');
  const chosen = () => props.notes.map((n) => n.id).filter((id) => picked().has(id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked());
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  return (
    <CriterionForm
      name="confirm"
      inputTestId="criteria.wording-input"
      topicId={props.topic.id}
      wording={wording()}
      onWording={setWording}
      placeholder={t('criteria.wordingPlaceholder')}
      saveLabel={t('criteria.confirm')}
      canSave={chosen().length > 0}
      hint={wording().trim() ? t('criteria.asOne', { count: chosen().length }) : t('criteria.asEach', { count: chosen().length })}
      onSave={() => {
        if (chosen().length) props.onDone(chosen(), wording().trim());
      }}
      onCancel={() => props.onCancel()}
    >
      <fieldset class="fac-criterion-notes">
        <legend>{t('criteria.pickNotes')}</legend>
        <For each={props.notes}>
          {(n) => (
            <label class="fac-criterion-note">
              <input type="checkbox" data-testid="criteria.confirm-note" data-note-id={n.id} checked={picked().has(n.id)} onChange={(e) => toggle(n.id, e.currentTarget.checked)} />
              <span>{noteLabel(n)}</span>
            </label>
          )}
        </For>
      </fieldset>
    </CriterionForm>
  );
}
