import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n';
import { stepTopic } from '../../board-logic/phone-list';
import { closeSheetOf, PhoneSheet } from './PhoneSheet';

type Props = {
  /** Topic ids in order, the cross-cutting row last. */
  topics: readonly string[];
  current: string;
  label(topic: string): string;
  count(topic: string): number;
  /** Counts name steps rather than notes. */
  steps: boolean;
  onPick(topic: string): void;
};

/**
 * One topic at a time: the one shown, named in full (it wraps rather than runs off the screen),
 * with the previous and next topic a thumb's reach away and every topic one tap on its name.
 */
export function PhoneTopicBar(props: Props) {
  const [picking, setPicking] = createSignal(false);
  const position = () => props.topics.indexOf(props.current) + 1;
  const go = (step: number) => props.onPick(stepTopic(props.topics, props.current, step));
  return (
    <nav class="phone-topics" data-testid="phone.topics" aria-label={t('phone.topics')}>
      <button type="button" class="btn phone-topic-step" data-testid="phone.topic-prev" aria-label={t('phone.topicPrev')} onClick={() => go(-1)}>
        <Chevron back />
      </button>
      <button
        type="button"
        class="btn phone-topic-current"
        data-testid="phone.topic-current"
        data-topic-id={props.current}
        aria-haspopup="dialog"
        aria-expanded={picking()}
        aria-description={t('phone.topicPick')}
        onClick={() => setPicking(true)}
      >
        <span class="phone-topic-label line-clamp" data-testid="phone.topic-label">
          {props.label(props.current)}
        </span>
        <span class="phone-topic-meta">
          {t('phone.topicOf', { n: position(), count: props.topics.length })} · {t(props.steps ? 'phone.stepCount' : 'phone.noteCount', { count: props.count(props.current) })}
        </span>
      </button>
      <button type="button" class="btn phone-topic-step" data-testid="phone.topic-next" aria-label={t('phone.topicNext')} onClick={() => go(1)}>
        <Chevron />
      </button>
      <Show when={picking()}>
        <PhoneSheet testId="phone.topic-sheet" title={t('phone.topics')} onClose={() => setPicking(false)}>
          <ul class="phone-choices">
            <For each={props.topics}>
              {(topic) => (
                <li>
                  <button
                    type="button"
                    class="btn phone-choice"
                    data-testid="phone.topic-option"
                    data-topic-id={topic}
                    aria-current={topic === props.current ? 'true' : undefined}
                    onClick={(e) => {
                      props.onPick(topic);
                      closeSheetOf(e.currentTarget);
                    }}
                  >
                    <span class="phone-choice-label">{props.label(topic)}</span>
                    <span class="phone-choice-meta">{t(props.steps ? 'phone.stepCount' : 'phone.noteCount', { count: props.count(topic) })}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </PhoneSheet>
      </Show>
    </nav>
  );
}

function Chevron(props: { back?: boolean }) {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
      <path d={props.back ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'} fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
