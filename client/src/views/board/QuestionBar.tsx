import { Show } from 'solid-js';
import type { Session } from '../../sync/session';
import { ClampedHeading } from '../ClampedText';
import { PhaseTabs } from './PhaseTabs';

/**
 * The phases, as tabs, over the chosen phase's question, large: it is what every table is
 * answering. The tabs live here rather than in the top bar, which on a laptop then fits one row.
 */
export function QuestionBar(props: { session: Session }) {
  const phase = () => props.session.session.phases.find((p) => p.id === props.session.viewPhase());
  return (
    <div class="question">
      <PhaseTabs session={props.session} />
      <section class="question-body" aria-live="polite">
        {/* Said with the question when the phase changes; the selected tab shows it on screen. */}
        <p class="question-phase visually-hidden">{phase()?.title}</p>
        <Show when={phase()?.question}>
          {(question) => <ClampedHeading text={question()} lines={3} class="question-text" testid="board.question" />}
        </Show>
      </section>
    </div>
  );
}
