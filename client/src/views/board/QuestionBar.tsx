import type { Session } from '../../sync/session';

/** The current phase's question, large: it is what every table is answering. */
export function QuestionBar(props: { session: Session }) {
  const phase = () => props.session.session.phases.find((p) => p.id === props.session.viewPhase());
  return (
    <section class="question" aria-live="polite">
      <p class="question-phase">{phase()?.title}</p>
      <h2 class="question-text" classList={{ 'question-empty': !phase()?.question }} data-testid="board.question">
        {phase()?.question ?? ''}
      </h2>
    </section>
  );
}
