import { Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { ConnectionBadge } from './ConnectionBadge';
import { ContrastToggle, ProjectorToggle } from './ProjectorToggles';
import { ReadOnlyBadge } from './ReadOnlyBadge';
import { TimerBadge } from './TimerBadge';
import './projector.css';

/**
 * The projector's only chrome, in type a hall can read: the session's title, the phase and its
 * question, the round timer and the connection. No phase tabs: the projector always shows what the
 * facilitator shows. A way back to the full board and the contrast switch sit at the end.
 */
export function ProjectorBar(props: { session: Session; onLeave: () => void }) {
  const ready = () => props.session.availability() === 'ready';
  const phase = () => props.session.session.phases.find((p) => p.id === props.session.viewPhase());
  const facilitation = () => props.session.facilitation;
  return (
    <header
      class="projector-bar"
      data-testid="projector.bar"
      aria-label={t('projector.label')}
      // Which spotlight this screen has received: tells "not arrived yet" from "not moved".
      data-spotlight-seq={props.session.spotlight()?.seq ?? 0}
      data-following={props.session.following() ? 'true' : 'false'}
    >
      <div class="projector-top">
        <h1 class="projector-title" data-testid="projector.title">
          {ready() ? props.session.session.meta.title : ''}
        </h1>
        <div class="projector-status">
          <Show when={ready()}>
            <TimerBadge timer={facilitation().timer} clock={facilitation().clock} />
          </Show>
          <ReadOnlyBadge session={props.session} />
          <ConnectionBadge session={props.session} />
          <ContrastToggle />
          <ProjectorToggle on onChange={() => props.onLeave()} />
        </div>
      </div>
      <Show when={ready()}>
        <section class="projector-question" aria-live="polite">
          <p class="projector-phase line-clamp" data-testid="projector.phase">
            {phase()?.title}
          </p>
          <h2 class="projector-question-text line-clamp" classList={{ 'question-empty': !phase()?.question }} data-testid="board.question">
            {phase()?.question ?? ''}
          </h2>
        </section>
      </Show>
    </header>
  );
}
