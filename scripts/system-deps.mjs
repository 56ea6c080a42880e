// The system programs some test suites need, how to find them, and the Debian packages that
// install them: one list for scripts/ensure-system-deps.mjs (run before `npm test` and by
// .ci/run) and for the suites that skip, with the reason, when a program is missing
// (tests/support/system-deps.ts). Plain Node, no dependencies.
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const POSTGRES_BIN_ROOT = '/usr/lib/postgresql';
const REDIS_SERVER = '/usr/bin/redis-server';

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on $PATH, or null. @param {string} name */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** The Chromium the end-to-end tests drive: $CHROMIUM_PATH, else `chromium` on $PATH, else null. */
export function chromiumPath() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return isExecutable(configured) ? configured : null;
  return onPath('chromium');
}

/** The newest installed PostgreSQL's bin dir (Debian's layout), or null. */
export function postgresBinDir() {
  if (!existsSync(POSTGRES_BIN_ROOT)) return null;
  const versions = readdirSync(POSTGRES_BIN_ROOT)
    .filter((v) => existsSync(join(POSTGRES_BIN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(POSTGRES_BIN_ROOT, versions[0], 'bin') : null;
}

/**
 * @typedef {{ id: string, program: string, pkg: string, neededBy: string, find: () => string | null }} Requirement
 * @type {readonly Requirement[]}
 */
export const REQUIREMENTS = [
  {
    id: 'chromium',
    get program() {
      return process.env.CHROMIUM_PATH ? `chromium ($CHROMIUM_PATH=${process.env.CHROMIUM_PATH})` : 'chromium';
    },
    pkg: 'chromium',
    neededBy: 'end-to-end tests',
    find: chromiumPath,
  },
  { id: 'soffice', program: 'soffice', pkg: 'libreoffice-writer-nogui', neededBy: 'DOCX export test', find: () => onPath('soffice') },
  { id: 'pdftotext', program: 'pdftotext', pkg: 'poppler-utils', neededBy: 'DOCX and PDF export tests', find: () => onPath('pdftotext') },
  {
    id: 'redis-server',
    program: REDIS_SERVER,
    pkg: 'redis-server',
    neededBy: 'scale-out tests',
    find: () => (isExecutable(REDIS_SERVER) ? REDIS_SERVER : null),
  },
  {
    id: 'postgres',
    program: `${POSTGRES_BIN_ROOT}/*/bin/initdb`,
    pkg: 'postgresql',
    neededBy: 'PostgreSQL storage and scale-out tests',
    find: () => {
      const dir = postgresBinDir();
      return dir ? join(dir, 'initdb') : null;
    },
  },
];

/** The requirements not met on this machine (all of them, or those named by id). @param {readonly string[]} [ids] */
export function missingRequirements(ids) {
  return REQUIREMENTS.filter((r) => (!ids || ids.includes(r.id)) && !r.find());
}

/** The one command that installs what is missing (Debian/Ubuntu). @param {readonly Requirement[]} missing */
export function installCommand(missing) {
  return `sudo apt-get install -y --no-install-recommends ${[...new Set(missing.map((r) => r.pkg))].join(' ')}`;
}

/** CI=true (any value but empty, 0 or false): nothing may skip. */
export function isCI() {
  const ci = (process.env.CI ?? '').toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}

/** Set to 1 to run `npm test` without these programs: the suites that need them skip, saying why. */
export const SKIP_ENV = 'WCB_SKIP_SYSTEM_TESTS';

/**
 * Why a suite needing `ids` cannot run here, or null when it can (or must: with CI set nothing
 * skips, a missing program fails the suite instead). @param {readonly string[]} ids
 */
export function skipReason(ids) {
  if (isCI()) return null;
  const missing = missingRequirements(ids);
  if (!missing.length) return null;
  return `needs ${missing.map((r) => r.program).join(', ')} (install: ${installCommand(missing)})`;
}
