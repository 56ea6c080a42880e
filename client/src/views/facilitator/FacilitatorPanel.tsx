import { createMemo, createSignal, For, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import { MAX_ROUNDS, PHASE_KINDS, rotationPlan, type PhaseKind } from '@wcb/shared';
import { t } from '../../i18n';
import type { Facilitation } from '../../sync/facilitation';
import type { Session } from '../../sync/session';
import { VotingSection } from './VotingSection';
import './facilitator.css';

type Props = { session: Session; facilitation: Facilitation };

/** The top-bar button that opens the facilitator's drawer; only rendered for the facilitator. */
export function FacilitatorButton(props: Props) {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button class="btn" data-testid="board.facilitate" aria-expanded={open()} onClick={() => setOpen((o) => !o)}>
        {t('facilitator.open')}
      </button>
      <Show when={open()}>
        {/* Out of the top bar's stacking context: the drawer covers the canvas and its controls. */}
        <Portal>
          <FacilitatorPanel session={props.session} facilitation={props.facilitation} onClose={() => setOpen(false)} />
        </Portal>
      </Show>
    </>
  );
}

/** Commits on change (blur or Enter); Enter also leaves the field. */
const commitOnEnter = (e: KeyboardEvent) => {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.target.blur();
};
const inputValue = (e: Event): string => (e.currentTarget as HTMLInputElement).value;

export function FacilitatorPanel(props: Props & { onClose: () => void }) {
  return (
    <aside
      class="fac-panel"
      data-testid="facilitator.panel"
      role="dialog"
      aria-labelledby="fac-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <header class="fac-header">
        <h2 id="fac-title">{t('facilitator.title')}</h2>
        <button class="btn" data-testid="facilitator.close" onClick={() => props.onClose()}>
          {t('facilitator.close')}
        </button>
      </header>
      <RunSection {...props} />
      <SetupSection {...props} />
      <VotingSection {...props} />
    </aside>
  );
}

function SetupSection(props: Props) {
  const s = () => props.session.session;
  const f = () => props.facilitation;
  const topicIds = () => s().topics.map((topic) => topic.id);
  return (
    <section class="fac-section" aria-labelledby="fac-setup">
      <h3 id="fac-setup">{t('facilitator.setup')}</h3>
      <label class="fac-field">
        {t('facilitator.sessionTitle')}
        <input data-testid="setup.title" value={s().meta.title} onChange={(e) => f().setTitle(inputValue(e))} onKeyDown={commitOnEnter} />
      </label>

      <h4>{t('facilitator.topics')}</h4>
      <ul class="fac-list">
        <For each={s().topics}>
          {(topic, i) => (
            <li class="fac-row">
              <input
                data-testid="setup.topic-label"
                data-topic-id={topic.id}
                aria-label={t('facilitator.topicLabel', { n: i() + 1 })}
                value={topic.label}
                onChange={(e) => f().renameTopic(topic.id, inputValue(e))}
                onKeyDown={commitOnEnter}
              />
              <button
                class="btn btn-icon"
                data-testid="setup.topic-up"
                data-topic-id={topic.id}
                aria-label={t('facilitator.topicUp', { topic: topic.label })}
                disabled={i() === 0}
                onClick={() => f().moveTopic(topicIds(), topic.id, -1)}
              >
                ↑
              </button>
              <button
                class="btn btn-icon"
                data-testid="setup.topic-down"
                data-topic-id={topic.id}
                aria-label={t('facilitator.topicDown', { topic: topic.label })}
                disabled={i() === s().topics.length - 1}
                onClick={() => f().moveTopic(topicIds(), topic.id, 1)}
              >
                ↓
              </button>
            </li>
          )}
        </For>
      </ul>
      <div class="fac-inline">
        <button class="btn" data-testid="setup.topic-add" onClick={() => f().addTopic(t('facilitator.newTopic'))}>
          {t('facilitator.topicAdd')}
        </button>
      </div>

      <h4>{t('facilitator.phases')}</h4>
      <ul class="fac-list">
        <For each={s().phases}>
          {(phase, i) => (
            <li class="fac-phase">
              <input
                data-testid="setup.phase-title"
                data-phase-id={phase.id}
                aria-label={t('facilitator.phaseTitle', { n: i() + 1 })}
                value={phase.title}
                onChange={(e) => f().updatePhase(phase.id, { title: inputValue(e) })}
                onKeyDown={commitOnEnter}
              />
              <select
                data-testid="setup.phase-kind"
                data-phase-id={phase.id}
                aria-label={t('facilitator.phaseKind', { n: i() + 1 })}
                value={phase.kind}
                onChange={(e) => f().updatePhase(phase.id, { kind: e.currentTarget.value as PhaseKind })}
              >
                <For each={PHASE_KINDS}>{(kind) => <option value={kind}>{t(`facilitator.kind.${kind}`)}</option>}</For>
              </select>
              <textarea
                data-testid="setup.phase-question"
                data-phase-id={phase.id}
                aria-label={t('facilitator.phaseQuestion', { n: i() + 1 })}
                rows={2}
                value={phase.question}
                onChange={(e) => f().updatePhase(phase.id, { question: e.currentTarget.value })}
              />
            </li>
          )}
        </For>
      </ul>
      <div class="fac-inline">
        <button class="btn" data-testid="setup.phase-add" onClick={() => f().addPhase({ title: t('facilitator.newPhase') })}>
          {t('facilitator.phaseAdd')}
        </button>
      </div>

      <h4>{t('facilitator.tables')}</h4>
      <ul class="fac-list">
        <For each={s().tables}>
          {(table, i) => (
            <li class="fac-row">
              <input
                data-testid="setup.table-name"
                data-table-id={table.id}
                aria-label={t('facilitator.tableName', { n: i() + 1 })}
                value={table.name}
                onChange={(e) => f().renameTable(table.id, inputValue(e))}
                onKeyDown={commitOnEnter}
              />
            </li>
          )}
        </For>
      </ul>
      <div class="fac-inline">
        <button
          class="btn"
          data-testid="setup.table-add"
          onClick={() => f().addTable(t('facilitator.newTable', { n: s().tables.length + 1 }))}
        >
          {t('facilitator.tableAdd')}
        </button>
      </div>

      <h4>{t('facilitator.rounds')}</h4>
      <div class="fac-inline">
        <label class="fac-field">
          {t('facilitator.roundsCount')}
          <input
            type="number"
            min="1"
            max={MAX_ROUNDS}
            data-testid="setup.rounds-count"
            value={f().rounds().count}
            onChange={(e) => {
              const count = Number(inputValue(e));
              if (Number.isFinite(count) && count >= 1) f().setRounds(count, f().rounds().lengthMs / 60_000);
              else e.currentTarget.value = String(f().rounds().count);
            }}
            onKeyDown={commitOnEnter}
          />
        </label>
        <label class="fac-field">
          {t('facilitator.roundsMinutes')}
          <input
            type="number"
            min="1"
            step="1"
            data-testid="setup.rounds-minutes"
            value={Math.round(f().rounds().lengthMs / 60_000)}
            onChange={(e) => {
              const minutes = Number(inputValue(e));
              if (Number.isFinite(minutes) && minutes > 0) f().setRounds(f().rounds().count, minutes);
              else e.currentTarget.value = String(Math.round(f().rounds().lengthMs / 60_000));
            }}
            onKeyDown={commitOnEnter}
          />
        </label>
      </div>
    </section>
  );
}

function RunSection(props: Props) {
  const f = () => props.facilitation;
  const rounds = () => f().rounds();
  const next = () => rounds().current + 1;
  const status = () => f().timer().status;
  const tables = () => props.session.session.tables;
  const tableName = (id: string) => tables().find((table) => table.id === id)?.name ?? id;
  const plan = createMemo(() =>
    rotationPlan(
      tables().map((table) => table.id),
      rounds().count,
    ),
  );
  return (
    <section class="fac-section" aria-labelledby="fac-run">
      <h3 id="fac-run">{t('facilitator.run')}</h3>
      <p data-testid="run.round" data-round={rounds().current}>
        {rounds().current > 0
          ? t('facilitator.roundStatus', { current: rounds().current, count: rounds().count })
          : t('facilitator.roundNone', { count: rounds().count })}
      </p>
      <div class="fac-inline">
        <button
          class="btn"
          data-testid="run.start-round"
          data-round={next()}
          disabled={next() > rounds().count}
          onClick={() => f().startRound(next())}
        >
          {next() > rounds().count ? t('facilitator.roundsDone') : t('facilitator.startRound', { n: next() })}
        </button>
        <button class="btn" data-testid="run.timer-pause" disabled={status() !== 'running'} onClick={() => f().pauseTimer()}>
          {t('facilitator.pause')}
        </button>
        <button class="btn" data-testid="run.timer-resume" disabled={status() !== 'paused'} onClick={() => f().resumeTimer()}>
          {t('facilitator.resume')}
        </button>
        <button class="btn" data-testid="run.timer-extend" disabled={status() === 'idle'} onClick={() => f().extendTimer(60_000)}>
          {t('facilitator.extend')}
        </button>
        <button class="btn" data-testid="run.timer-reset" disabled={status() === 'idle'} onClick={() => f().resetTimer()}>
          {t('facilitator.reset')}
        </button>
      </div>
      <h4>{t('facilitator.rotation')}</h4>
      <Show when={tables().length > 0} fallback={<p>{t('facilitator.rotationEmpty')}</p>}>
        <table class="fac-rotation" data-testid="run.rotation">
          <tbody>
            <For each={plan()}>
              {(row) => (
                <tr data-round={row.round} classList={{ 'fac-rotation-current': row.round === rounds().current }}>
                  <th scope="row">{t('facilitator.rotationRound', { n: row.round })}</th>
                  <td>
                    <ul>
                      <For each={row.moves}>
                        {(move) => <li>{t('facilitator.rotationMove', { from: tableName(move.group), to: tableName(move.to) })}</li>}
                      </For>
                    </ul>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
