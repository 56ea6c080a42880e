import { For, onMount } from 'solid-js';
import type { ControlRepair } from '@wcb/shared';
import { t, type MessageKey } from '../../i18n';

const KIND: Record<string, MessageKey> = {
  phases: 'home.importKind.phases',
  topics: 'home.importKind.topics',
  tables: 'home.importKind.tables',
  criteria: 'home.importKind.criteria',
  runSheet: 'home.importKind.runSheet',
  state: 'home.importKind.state',
};

// The session's single settings (`state/<key>`), each named as the facilitator knows it.
const SETTING: Record<string, MessageKey> = {
  timer: 'home.importKind.state.timer',
  voting: 'home.importKind.state.voting',
  rounds: 'home.importKind.state.rounds',
  follow: 'home.importKind.state.follow',
  run: 'home.importKind.state.run',
  currentPhase: 'home.importKind.state.currentPhase',
};

/** "Phase “ideal”" for `phases/ideal`, "The timer" for `state/timer`: what the person importing knows the record as. */
function recordName(path: string): string {
  const setting = path.startsWith('state/') ? SETTING[path.slice('state/'.length)] : undefined;
  if (setting) return t(setting);
  const slash = path.indexOf('/');
  const root = path.slice(0, slash);
  const key = path.slice(slash + 1);
  const kind = KIND[root];
  return kind ? t(kind, { key }) : path;
}

/**
 * What an import had to repair or leave out of the file's control records (shared/control-repair.ts)
 * before the session could reach the server, said before the board opens; the board opens when
 * the person has read it. The server's own wording of each problem is kept as a tooltip.
 */
export function ImportRepairs(props: { repairs: readonly ControlRepair[]; onOpen: () => void }) {
  let open!: HTMLButtonElement;
  // The notice replaces the control that had focus: move it here so keyboards and readers follow.
  onMount(() => open.focus());
  return (
    <div class="home-import-repairs" role="status" data-testid="home.import-repairs">
      <p>{t('home.importRepaired', { count: props.repairs.length })}</p>
      <ul>
        <For each={props.repairs}>
          {(repair) => (
            <li title={repair.problem} data-testid="home.import-repair">
              {t(repair.action === 'dropped' ? 'home.importRepair.dropped' : 'home.importRepair.repaired', { what: recordName(repair.path) })}
            </li>
          )}
        </For>
      </ul>
      <button ref={open} class="btn btn-primary home-import-open" type="button" data-testid="home.import-open" onClick={() => props.onOpen()}>
        {t('home.importOpen')}
      </button>
    </div>
  );
}
