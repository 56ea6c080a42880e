import { For, onMount } from 'solid-js';
import type { ControlRepair } from '@wcb/shared';
import { t } from '../../i18n';
import { repairLine } from '../repair-names';

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
              {repairLine(repair)}
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
