import { createMemo, createSignal, For, Show, type Accessor } from 'solid-js';
import { CROSS_CUTTING, type Note } from '@wcb/shared';
import { t } from '../../i18n';
import { countsByCell, newNotePlacement, notesOfCell, phoneTopics } from '../../board-logic/phone-list';
import { loadPrefs } from '../../lib/prefs';
import { authorFor } from '../../lib/seat';
import { browserStore } from '../../lib/storage';
import type { PhaseRoom } from '../../sync/phase-room';
import type { Session } from '../../sync/session';
import { createStacksView } from '../board/stacks-view';
import { ClampedHeading } from '../ClampedText';
import { createTypeAhead } from '../board/type-ahead';
import { createVotesView } from '../board/votes-view';
import { PhoneContext, type PhoneContextValue } from './context';
import { createPhoneEditing } from './phone-editing';
import { PhoneActionBar } from './PhoneActionBar';
import { PhoneNoteCard } from './PhoneNoteCard';
import { PhoneTopicBar } from './PhoneTopicBar';

const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * An ideas or steps phase on a phone: one topic (or the cross-cutting row) at a time as a list of
 * full-width cards, the question above them, and the "add" button with the dots left at the
 * bottom, in the thumb's reach. The same notes, in the board's reading order.
 */
export function PhonePhase(props: { session: Session; phase: PhaseRoom; topic: Accessor<string | null>; setTopic: (topic: string) => void }) {
  // eslint-disable-next-line solid/reactivity -- the phone remounts this component per phase room.
  const { session, phase } = props;
  const topicIds = createMemo(() => session.session.topics.map((x) => x.id), [], { equals: sameStrings });
  const topics = createMemo(() => phoneTopics(topicIds()), [], { equals: sameStrings });
  const current = () => {
    const picked = props.topic();
    return picked && topics().includes(picked) ? picked : (topics()[0] ?? CROSS_CUTTING);
  };
  const notes = createMemo(() => Object.values(phase.notes).filter((n): n is Note => n !== undefined));
  const steps = () => session.session.phases.find((p) => p.id === phase.phaseId)?.kind === 'steps';
  const shown = createMemo(() => notesOfCell(topicIds(), notes(), current(), steps()));
  const counts = createMemo(() => countsByCell(topicIds(), notes()));
  const label = (topic: string) => (topic === CROSS_CUTTING ? t('board.crossCutting') : (session.session.topics.find((x) => x.id === topic)?.label ?? ''));
  const readOnly = createMemo(() => session.readOnly());
  const typeAhead = createTypeAhead();
  const editing = createPhoneEditing(session, phase);
  const [voteFailures, setVoteFailures] = createSignal(0);

  const addNote = () => {
    // Keys typed from the press on are held for the new note (the press already armed it).
    typeAhead.arm();
    const topic = current();
    const seat = session.seat();
    const me = loadPrefs(browserStore());
    const stamp = { color: me.noteColor, author: authorFor(me.name, seat.anonymous), table: seat.table, round: session.round() };
    const place = steps() ? null : newNotePlacement(topicIds(), notes(), topic);
    editing.create(() => (place ? phase.actions.add({ ...place, ...stamp }) : phase.actions.addStep(topic, stamp)));
  };
  const pick = (topic: string) => {
    editing.close();
    props.setTopic(topic);
  };

  const ctx: PhoneContextValue = {
    session,
    phase,
    editing,
    votes: createVotesView(session, () => notes()),
    stacks: createStacksView(() => notes()),
    steps,
    readOnly,
    takeEarly: () => typeAhead.take(),
    voteFailed: () => setVoteFailures((n) => n + 1),
  };
  const question = () => session.session.phases.find((p) => p.id === phase.phaseId);

  return (
    <PhoneContext.Provider value={ctx}>
      <div class="phone-phase" data-testid="phone.phase" data-kind={steps() ? 'steps' : 'ideas'} data-topic-id={current()}>
        <PhoneTopicBar topics={topics()} current={current()} label={label} count={(topic) => counts().get(topic) ?? 0} steps={steps()} onPick={pick} />
        <section class="phone-notes" data-testid="phone.notes" aria-label={label(current())}>
          {/* The session's words (question, notes) are in its language; the hints in the interface's. */}
          <header class="phone-question" lang={session.session.meta.language}>
            <p class="phone-question-phase line-clamp">{question()?.title}</p>
            <Show when={question()?.question}>
              {(text) => <ClampedHeading text={text()} lines={4} class="phone-question-text" testid="board.question" />}
            </Show>
          </header>
          <Show when={shown().length > 0} fallback={<p class="phone-empty">{t(steps() ? 'phone.emptySteps' : 'phone.emptyTopic')}</p>}>
            <ol class="phone-list" lang={session.session.meta.language} classList={{ 'is-steps': steps() }} data-testid={steps() ? 'steps.list' : 'phone.list'} data-topic-id={current()}>
              <For each={shown()}>
                {(note, i) => <PhoneNoteCard note={note} number={steps() ? i() + 1 : undefined} first={i() === 0} last={i() === shown().length - 1} />}
              </For>
            </ol>
          </Show>
        </section>
        <PhoneActionBar session={session} steps={steps()} topicLabel={label(current())} topic={current()} onAdd={addNote} onArm={() => typeAhead.arm(true)} voteFailures={voteFailures()} />
        <textarea ref={typeAhead.ref} class="phone-type-ahead" data-testid="board.type-ahead" aria-hidden="true" tabIndex={-1} />
      </div>
    </PhoneContext.Provider>
  );
}
