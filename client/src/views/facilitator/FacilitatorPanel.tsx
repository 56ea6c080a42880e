import { createMemo, For, Show } from 'solid-js';
import { rotationPlan } from '@wcb/shared';
import { t } from '../../i18n';
import type { Facilitation } from '../../sync/facilitation';
import type { Session } from '../../sync/session';
import { SetupSection } from './SetupSection';
import { VotingSection } from './VotingSection';
import { ExportSection } from './ExportSection';
import { KitSection } from './KitSection';
import { DeviceSection } from './DeviceSection';
import { PhaseLocks } from './PhaseLocks';
import { RunSheetEditor } from '../run/RunSheetEditor';
import { ParticipationSection } from './ParticipationSection';
import './facilitator.css';

export type Props = { session: Session; facilitation: Facilitation };

export function FacilitatorPanel(props: Props & { onClose: () => void }) {
  return (
    <aside
      class="fac-panel"
      data-testid="facilitator.panel"
      role="dialog"
      aria-labelledby="fac-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <header class="fac-header">
        <h2 id="fac-title">{t('facilitator.title')}</h2>
        <button class="btn" data-testid="facilitator.close" onClick={() => props.onClose()}>
          {t('facilitator.close')}
        </button>
      </header>
      <RunSection {...props} />
      <RunSheetEditor session={props.session} />
      <SetupSection {...props} />
      <VotingSection {...props} />
      <ParticipationSection session={props.session} />
      <DeviceSection session={props.session} />
      <KitSection session={props.session} />
      <ExportSection session={props.session} />
    </aside>
  );
}

function RunSection(props: Props) {
  const f = () => props.facilitation;
  const rounds = () => f().rounds();
  const next = () => rounds().current + 1;
  const status = () => f().timer().status;
  const tables = () => props.session.session.tables;
  const tableName = (id: string) => tables().find((table) => table.id === id)?.name ?? id;
  const plan = createMemo(() =>
    rotationPlan(
      tables().map((table) => table.id),
      rounds().count,
    ),
  );
  return (
    <section class="fac-section" aria-labelledby="fac-run">
      <h3 id="fac-run">{t('facilitator.run')}</h3>
      <p data-testid="run.round" data-round={rounds().current}>
        {rounds().current > 0
          ? t('facilitator.roundStatus', { current: rounds().current, count: rounds().count })
          : t('facilitator.roundNone', { count: rounds().count })}
      </p>
      <div class="fac-inline">
        <button
          class="btn"
          data-testid="run.start-round"
          data-round={next()}
          disabled={next() > rounds().count}
          onClick={() => f().startRound(next())}
        >
          {next() > rounds().count ? t('facilitator.roundsDone') : t('facilitator.startRound', { n: next() })}
        </button>
        <button class="btn" data-testid="run.timer-pause" disabled={status() !== 'running'} onClick={() => f().pauseTimer()}>
          {t('facilitator.pause')}
        </button>
        <button class="btn" data-testid="run.timer-resume" disabled={status() !== 'paused'} onClick={() => f().resumeTimer()}>
          {t('facilitator.resume')}
        </button>
        <button class="btn" data-testid="run.timer-extend" disabled={status() === 'idle'} onClick={() => f().extendTimer(60_000)}>
          {t('facilitator.extend')}
        </button>
        <button class="btn" data-testid="run.timer-reset" disabled={status() === 'idle'} onClick={() => f().resetTimer()}>
          {t('facilitator.reset')}
        </button>
      </div>
      <h4>{t('facilitator.rotation')}</h4>
      <Show when={tables().length > 0} fallback={<p>{t('facilitator.rotationEmpty')}</p>}>
        <table class="fac-rotation" data-testid="run.rotation">
          <tbody>
            <For each={plan()}>
              {(row) => (
                <tr data-round={row.round} classList={{ 'fac-rotation-current': row.round === rounds().current }}>
                  <th scope="row">{t('facilitator.rotationRound', { n: row.round })}</th>
                  <td>
                    <ul>
                      <For each={row.moves}>
                        {(move) => <li>{t('facilitator.rotationMove', { from: tableName(move.group), to: tableName(move.to) })}</li>}
                      </For>
                    </ul>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <PhaseLocks session={props.session} />
    </section>
  );
}
