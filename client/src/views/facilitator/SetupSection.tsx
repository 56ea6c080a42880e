import { For, Show, type JSX } from 'solid-js';
import { isFormKind, LANGUAGES, MAX_ROUNDS, PHASE_KINDS, type Language, type PhaseKind } from '@wcb/shared';
import { t } from '../../i18n';
import type { Facilitation } from '../../sync/facilitation';
import type { Session } from '../../sync/session';
import { ConfirmRemove } from './ConfirmRemove';
import { commitOnEnter, inputValue } from './fields';
import { FormEditor } from './FormEditor';

type Props = { session: Session; facilitation: Facilitation };

/** A collapsible part of the setup: the section is long, so each part folds away on its own. */
function Part(props: { title: string; testid: string; children: JSX.Element }) {
  return (
    <details class="fac-part" data-testid={props.testid} open>
      <summary>
        <h4>{props.title}</h4>
      </summary>
      {props.children}
    </details>
  );
}

/** Everything the facilitator prepares: title, language, topics, phases (and their forms), tables, rounds. */
export function SetupSection(props: Props) {
  const s = () => props.session.session;
  const f = () => props.facilitation;
  return (
    <section class="fac-section" aria-labelledby="fac-setup">
      <h3 id="fac-setup">{t('facilitator.setup')}</h3>
      <label class="fac-field">
        {t('facilitator.sessionTitle')}
        <input data-testid="setup.title" value={s().meta.title} onChange={(e) => f().setTitle(inputValue(e))} onKeyDown={commitOnEnter} />
      </label>
      <label class="fac-field">
        {t('setup.language')}
        <select data-testid="setup.language" value={s().meta.language} onChange={(e) => f().setLanguage(e.currentTarget.value as Language)}>
          <For each={LANGUAGES}>
            {(lang) => (
              <option value={lang} selected={lang === s().meta.language}>
                {t(`lang.${lang}`)}
              </option>
            )}
          </For>
        </select>
      </label>
      <Part title={t('facilitator.topics')} testid="setup.topics">
        <TopicList {...props} />
      </Part>
      <Part title={t('facilitator.phases')} testid="setup.phases">
        <PhaseList {...props} />
      </Part>
      <Part title={t('facilitator.tables')} testid="setup.tables">
        <TableList {...props} />
      </Part>
      <Part title={t('facilitator.rounds')} testid="setup.rounds">
        <RoundsFields {...props} />
      </Part>
    </section>
  );
}

function TopicList(props: Props) {
  const s = () => props.session.session;
  const f = () => props.facilitation;
  const topicIds = () => s().topics.map((topic) => topic.id);
  return (
    <>
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
              <ConfirmRemove
                testid="setup.topic-remove"
                attrs={{ 'data-topic-id': topic.id }}
                label={t('setup.topicRemove', { topic: topic.label })}
                question={t('setup.topicRemoveQuestion')}
                onConfirm={() => f().removeTopic(topic.id)}
              />
            </li>
          )}
        </For>
      </ul>
      <div class="fac-inline">
        <button class="btn" data-testid="setup.topic-add" onClick={() => f().addTopic(t('facilitator.newTopic'))}>
          {t('facilitator.topicAdd')}
        </button>
      </div>
    </>
  );
}

function PhaseList(props: Props) {
  const s = () => props.session.session;
  const f = () => props.facilitation;
  const phaseIds = () => s().phases.map((phase) => phase.id);
  return (
    <>
      <ul class="fac-list">
        <For each={s().phases}>
          {(phase, i) => (
            <li class="fac-phase" data-testid="setup.phase" data-phase-id={phase.id}>
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
                <For each={PHASE_KINDS}>
                  {(kind) => (
                    <option value={kind} selected={kind === phase.kind}>
                      {t(`facilitator.kind.${kind}`)}
                    </option>
                  )}
                </For>
              </select>
              <textarea
                data-testid="setup.phase-question"
                data-phase-id={phase.id}
                aria-label={t('facilitator.phaseQuestion', { n: i() + 1 })}
                rows={2}
                value={phase.question}
                onChange={(e) => f().updatePhase(phase.id, { question: e.currentTarget.value })}
              />
              <div class="fac-phase-tools">
                <button
                  class="btn btn-icon"
                  data-testid="setup.phase-up"
                  data-phase-id={phase.id}
                  aria-label={t('setup.phaseUp', { phase: phase.title })}
                  title={t('setup.phaseUp', { phase: phase.title })}
                  disabled={i() === 0}
                  onClick={() => f().movePhase(phaseIds(), phase.id, -1)}
                >
                  ↑
                </button>
                <button
                  class="btn btn-icon"
                  data-testid="setup.phase-down"
                  data-phase-id={phase.id}
                  aria-label={t('setup.phaseDown', { phase: phase.title })}
                  title={t('setup.phaseDown', { phase: phase.title })}
                  disabled={i() === s().phases.length - 1}
                  onClick={() => f().movePhase(phaseIds(), phase.id, 1)}
                >
                  ↓
                </button>
                {/* The last phase stays: a board with no phase has nothing to show. */}
                <ConfirmRemove
                  testid="setup.phase-remove"
                  attrs={{ 'data-phase-id': phase.id }}
                  label={t('setup.phaseRemove', { phase: phase.title })}
                  question={t('setup.phaseRemoveQuestion')}
                  disabled={s().phases.length <= 1}
                  onConfirm={() => f().removePhase(phase.id)}
                />
              </div>
              <Show when={isFormKind(phase.kind)}>
                <FormEditor session={props.session} facilitation={props.facilitation} phaseId={phase.id} kind={phase.kind} />
              </Show>
            </li>
          )}
        </For>
      </ul>
      <div class="fac-inline">
        <button class="btn" data-testid="setup.phase-add" onClick={() => f().addPhase({ title: t('facilitator.newPhase') })}>
          {t('facilitator.phaseAdd')}
        </button>
      </div>
    </>
  );
}

function TableList(props: Props) {
  const s = () => props.session.session;
  const f = () => props.facilitation;
  return (
    <>
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
              {/* A table holds nothing people wrote: removing it needs no confirmation. */}
              <button
                class="btn btn-icon fac-remove"
                data-testid="setup.table-remove"
                data-table-id={table.id}
                aria-label={t('setup.tableRemove', { table: table.name })}
                title={t('setup.tableRemove', { table: table.name })}
                onClick={() => f().removeTable(table.id)}
              >
                ✕
              </button>
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
    </>
  );
}

function RoundsFields(props: Props) {
  const f = () => props.facilitation;
  return (
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
  );
}
