import { createMemo, Match, Switch } from 'solid-js';
import { formOf, type Phase } from '@wcb/shared';
import type { PhaseRoom } from '../../sync/phase-room';
import type { Session } from '../../sync/session';
import { ChecklistView } from './ChecklistView';
import { MatrixView } from './MatrixView';
import { SurveyView } from './SurveyView';
import './forms.css';

export type FormViewProps = {
  session: Session;
  phase: PhaseRoom;
  /** The phase's prompts grouped for drawing; reactive. */
  form: () => ReturnType<typeof formOf>;
};

/**
 * A structured phase (matrix, checklist, survey) is a form, not a canvas: it scrolls like a
 * document so that a table can fill it on a laptop and the projector can show it whole.
 */
export function FormPhase(props: { session: Session; phase: PhaseRoom; kind: Phase['kind'] }) {
  const form = createMemo(() => formOf(props.session.session.prompts, props.phase.phaseId));
  return (
    <div class="form-phase" data-testid="form.root" data-kind={props.kind}>
      <Switch>
        <Match when={props.kind === 'matrix'}>
          <MatrixView session={props.session} phase={props.phase} form={form} />
        </Match>
        <Match when={props.kind === 'checklist'}>
          <ChecklistView session={props.session} phase={props.phase} form={form} />
        </Match>
        <Match when={props.kind === 'survey'}>
          <SurveyView session={props.session} phase={props.phase} form={form} />
        </Match>
      </Switch>
    </div>
  );
}
