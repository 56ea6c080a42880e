import { createSignal, For, Index, Show, type JSX } from 'solid-js';
import { RUN_STEP_KINDS, type Phase, type RunStep, type RunStepInput, type RunStepKind } from '@wcb/shared';
import { t, type MessageKey } from '../../i18n';
import type { Session } from '../../sync/session';
import { sheetLabel } from './run-labels';
import './run.css';

/** A new step of `kind` with the usual numbers, on the first phase. */
function newStep(kind: RunStepKind, phaseId: string): RunStepInput {
  switch (kind) {
    case 'phase':
      return { kind, phaseId, rounds: 3, roundMinutes: 20, rotate: true };
    case 'vote':
      return { kind, phaseId, budget: 3, minutes: 10 };
    case 'lock':
      return { kind, phaseId };
    case 'break':
      return { kind, minutes: 15 };
    case 'results':
      return { kind, phaseId: '' };
  }
}

type FieldProps = { step: RunStep; n: number; update: (patch: Partial<RunStepInput>) => void };

function NumberField(props: FieldProps & { field: 'rounds' | 'roundMinutes' | 'budget' | 'minutes'; label: MessageKey; max: number }) {
  const value = () => (props.step as Record<string, unknown>)[props.field] as number;
  return (
    <label>
      {t(props.label)}
      <input
        type="number"
        min="1"
        max={props.max}
        step="1"
        data-testid={`run.field-${props.field}`}
        value={value()}
        onChange={(e) => {
          const n = Number(e.currentTarget.value);
          if (Number.isInteger(n) && n >= 1 && n <= props.max) props.update({ [props.field]: n } as Partial<RunStepInput>);
          else e.currentTarget.value = String(value());
        }}
      />
    </label>
  );
}

function PhaseField(props: FieldProps & { phases: readonly Phase[]; allowLast?: boolean }) {
  const value = () => ('phaseId' in props.step ? props.step.phaseId : '');
  return (
    <label>
      {t('run.field.phase')}
      <select data-testid="run.field-phase" value={value()} onChange={(e) => props.update({ phaseId: e.currentTarget.value } as Partial<RunStepInput>)}>
        <Show when={props.allowLast}>
          <option value="">{t('run.field.resultsLast')}</option>
        </Show>
        <For each={props.phases}>{(p) => <option value={p.id}>{p.title}</option>}</For>
      </select>
    </label>
  );
}

function StepFields(props: FieldProps & { phases: readonly Phase[] }): JSX.Element {
  const s = () => props.step;
  return (
    <div class="run-step-fields">
      <Show when={s().kind !== 'break'}>
        <PhaseField {...props} allowLast={s().kind === 'results'} />
      </Show>
      <Show when={s().kind === 'phase'}>
        <NumberField {...props} field="rounds" label="run.field.rounds" max={12} />
        <NumberField {...props} field="roundMinutes" label="run.field.roundMinutes" max={240} />
        <label>
          <input
            type="checkbox"
            data-testid="run.field-rotate"
            checked={s().kind === 'phase' && (s() as { rotate: boolean }).rotate}
            onChange={(e) => props.update({ rotate: e.currentTarget.checked } as Partial<RunStepInput>)}
          />
          {t('run.field.rotate')}
        </label>
      </Show>
      <Show when={s().kind === 'vote'}>
        <NumberField {...props} field="budget" label="run.field.budget" max={50} />
      </Show>
      <Show when={s().kind === 'vote' || s().kind === 'break'}>
        <NumberField {...props} field="minutes" label="run.field.minutes" max={240} />
      </Show>
    </div>
  );
}

/**
 * The facilitator prepares the café once: steps in order, each with its phase, rounds, minutes or
 * dots. Every change is one shared mutation through the session's run sheet.
 */
export function RunSheetEditor(props: { session: Session }) {
  const run = () => props.session.runSheet;
  const phases = () => props.session.session.phases;
  const [kind, setKind] = createSignal<RunStepKind>('phase');
  const missing = (step: RunStep) => 'phaseId' in step && step.phaseId !== '' && !phases().some((p) => p.id === step.phaseId);
  return (
    <section class="fac-section fac-run-sheet" data-testid="run.editor" aria-labelledby="run-editor-title">
      <h3 id="run-editor-title">{t('run.editor')}</h3>
      <p class="fac-hint">{t('run.editorHint')}</p>
      <Show when={run().view().steps.length > 0} fallback={<p class="fac-hint">{t('run.empty')}</p>}>
        <ol class="run-steps" aria-labelledby="run-editor-title">
          <Index each={run().view().steps}>
            {(step, i) => (
              <li
                class="run-step"
                data-testid="run.step"
                data-step-id={step().id}
                data-kind={step().kind}
                aria-current={run().view().cursor.stepId === step().id ? 'step' : undefined}
              >
                <div class="run-step-head">
                  <strong>
                    {i + 1}. {sheetLabel(step(), phases())}
                  </strong>
                  <button class="btn" data-testid="run.step-up" disabled={i === 0} aria-label={t('run.moveUp', { n: i + 1 })} onClick={() => run().moveStep(step().id, -1)}>
                    ↑
                  </button>
                  <button
                    class="btn"
                    data-testid="run.step-down"
                    disabled={i === run().view().steps.length - 1}
                    aria-label={t('run.moveDown', { n: i + 1 })}
                    onClick={() => run().moveStep(step().id, 1)}
                  >
                    ↓
                  </button>
                  <button class="btn" data-testid="run.step-remove" aria-label={t('run.remove', { n: i + 1 })} onClick={() => run().removeStep(step().id)}>
                    ×
                  </button>
                </div>
                <Show when={missing(step())}>
                  <p class="run-step-skipped">{t('run.skipped')}</p>
                </Show>
                <StepFields step={step()} n={i + 1} phases={phases()} update={(patch) => run().updateStep(step().id, patch)} />
              </li>
            )}
          </Index>
        </ol>
      </Show>
      <div class="fac-inline">
        <label>
          {t('run.newKind')}{' '}
          <select data-testid="run.new-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as RunStepKind)}>
            <For each={RUN_STEP_KINDS}>{(k) => <option value={k}>{t(`run.kind.${k}` as MessageKey)}</option>}</For>
          </select>
        </label>
        <button
          class="btn"
          data-testid="run.add-step"
          disabled={kind() !== 'break' && kind() !== 'results' && phases().length === 0}
          onClick={() => run().addStep(newStep(kind(), phases()[0]?.id ?? ''))}
        >
          {t('run.add')}
        </button>
        <button class="btn" data-testid="run.restart" title={t('run.restartHint')} onClick={() => run().reset()}>
          {t('run.restart')}
        </button>
      </div>
    </section>
  );
}
