import { createSignal, For } from 'solid-js';
import { MAX_BUDGET } from '@wcb/shared';
import { t } from '../../i18n';
import type { Facilitation } from '../../sync/facilitation';
import type { Session } from '../../sync/session';
import { CriteriaSection, PaperDots } from './CriteriaSection';

type Props = { session: Session; facilitation: Facilitation };

const inputValue = (e: Event): string => (e.currentTarget as HTMLInputElement).value;

/** Voting settings, open/close, paper dots while open and the selected criteria once closed. */
export function VotingSection(props: Props) {
  const f = () => props.facilitation;
  const phases = () => props.session.session.phases;
  // eslint-disable-next-line solid/reactivity -- the form starts from the settings in force, then is the facilitator's draft.
  const initial = props.session.voting() ?? { phaseId: props.session.session.state.currentPhase };
  const [phaseId, setPhaseId] = createSignal(initial.phaseId);
  const [budget, setBudget] = createSignal('budget' in initial ? initial.budget : 3);
  const [per, setPer] = createSignal<'participant' | 'table'>('per' in initial ? initial.per : 'participant');
  const [hideCounts, setHideCounts] = createSignal('hideCounts' in initial ? initial.hideCounts : false);
  const open = () => props.session.voting()?.open === true;
  // Never opened, open, or finished: "finished" only once voting was opened and then closed.
  const state = () => {
    const v = props.session.voting();
    return !v ? 'none' : v.open ? 'open' : 'closed';
  };
  const votedPhaseTitle = () => phases().find((p) => p.id === props.session.voting()?.phaseId)?.title ?? '';
  const statusText = () =>
    ({
      none: () => t('facilitator.votingNotOpened'),
      open: () => t('facilitator.votingIsOpen', { phase: votedPhaseTitle() }),
      closed: () => t('facilitator.votingIsClosed', { phase: votedPhaseTitle() }),
    })[state()]();
  return (
    <section class="fac-section" aria-labelledby="fac-voting">
      <h3 id="fac-voting">{t('facilitator.voting')}</h3>
      <label class="fac-field">
        {t('facilitator.votingPhase')}
        <select data-testid="voting.phase" value={phaseId()} onChange={(e) => setPhaseId(e.currentTarget.value)}>
          <For each={phases()}>{(phase) => <option value={phase.id}>{phase.title}</option>}</For>
        </select>
      </label>
      <div class="fac-inline">
        <label class="fac-field">
          {t('facilitator.votingBudget')}
          <input
            type="number"
            min="1"
            max={MAX_BUDGET}
            data-testid="voting.budget"
            value={budget()}
            onChange={(e) => setBudget(Number(inputValue(e)) || 0)}
          />
        </label>
        <label class="fac-field">
          {t('facilitator.votingPer')}
          <select data-testid="voting.per" value={per()} onChange={(e) => setPer(e.currentTarget.value === 'table' ? 'table' : 'participant')}>
            <option value="participant">{t('facilitator.votingPerParticipant')}</option>
            <option value="table">{t('facilitator.votingPerTable')}</option>
          </select>
        </label>
      </div>
      <label class="fac-inline">
        <input type="checkbox" data-testid="voting.hide-counts" checked={hideCounts()} onChange={(e) => setHideCounts(e.currentTarget.checked)} />
        {t('facilitator.votingHide')}
      </label>
      <p data-testid="voting.status" data-open={open()} data-state={state()} role="status">
        {statusText()}
      </p>
      <div class="fac-inline">
        <button
          class="btn"
          data-testid="voting.open"
          disabled={!phaseId()}
          onClick={() => f().openVoting({ phaseId: phaseId(), budget: budget(), per: per(), hideCounts: hideCounts() })}
        >
          {t('facilitator.votingOpen')}
        </button>
        <button class="btn" data-testid="voting.close" disabled={!open()} onClick={() => f().closeVoting()}>
          {t('facilitator.votingClose')}
        </button>
      </div>
      <PaperDots session={props.session} />
      <CriteriaSection session={props.session} />
    </section>
  );
}
