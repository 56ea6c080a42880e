import type { ControlRepair } from '@wcb/shared';
import { t, type MessageKey } from '../i18n';

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

/** "Phase “ideal”" for `phases/ideal`, "The timer" for `state/timer`: what a facilitator knows the record as. */
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
 * One line of a repair notice (the import's on the home page, the board's for this device's own
 * copy): which record, and whether it was repaired or left out. Reads the locale, so it follows
 * a language switch.
 */
export const repairLine = (repair: ControlRepair): string =>
  t(repair.action === 'dropped' ? 'home.importRepair.dropped' : 'home.importRepair.repaired', { what: recordName(repair.path) });
