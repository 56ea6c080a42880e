import { createSignal, lazy, Show, Suspense } from 'solid-js';
import { isFormKind } from '@wcb/shared';
import type { Session } from '../../sync/session';
import { PhonePhase } from './PhonePhase';
import './phone.css';

// A form phase is the board's own form, drawn by its chunk (loaded when one is shown).
const FormPhase = lazy(() => import('../forms/FormPhase').then((m) => ({ default: m.FormPhase })));

/**
 * The phase on screen, on a phone: a list of cards for ideas and steps, the form itself for a
 * matrix, checklist or survey. The topic picked stays picked when the phase changes.
 */
export function PhoneBody(props: { session: Session }) {
  const [topic, setTopic] = createSignal<string | null>(null);
  const formKind = (phaseId: string) => {
    const kind = props.session.session.phases.find((p) => p.id === phaseId)?.kind;
    return kind && isFormKind(kind) ? kind : null;
  };
  return (
    <Show when={props.session.phase()} keyed>
      {(phase) => (
        <Show when={formKind(phase.phaseId)} fallback={<PhonePhase session={props.session} phase={phase} topic={topic} setTopic={setTopic} />}>
          {(kind) => (
            <Suspense>
              <FormPhase session={props.session} phase={phase} kind={kind()} />
            </Suspense>
          )}
        </Show>
      )}
    </Show>
  );
}
