#!/usr/bin/env node
// Before `npm test` (the pretest script) and in .ci/run: makes sure the system programs some
// suites need are installed (scripts/system-deps.mjs lists them). Missing ones are installed with
// apt-get when this machine can (Debian or Ubuntu, as root or with password-less sudo), printing
// what it installs. Otherwise this stops within seconds with one message naming what is missing
// and the one command that installs it, instead of letting dozens of tests fail.
//
// WCB_SKIP_SYSTEM_TESTS=1 goes on without them: the suites that need them skip, and the run's
// last lines say which and why. With CI=true nothing may skip, so the opt-out is refused there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { REQUIREMENTS, SKIP_ENV, installCommand, isCI, missingRequirements, onPath } from './system-deps.mjs';

const say = (line) => process.stdout.write(`${line}\n`);
const fail = (lines) => {
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
  process.exit(1);
};
const list = (missing) => missing.map((r) => `  ${r.program.padEnd(34)} for the ${r.neededBy} (Debian package ${r.pkg})`);
const optedOut = () => !['', '0', 'false'].includes((process.env[SKIP_ENV] ?? '').toLowerCase());

/** How to run apt-get here, or why not. */
function installer() {
  if (process.platform !== 'linux' || !existsSync('/etc/debian_version')) return { reason: 'this is not a Debian or Ubuntu machine' };
  if (!onPath('apt-get')) return { reason: 'apt-get is not on PATH' };
  if (process.getuid?.() === 0) return { prefix: [] };
  const sudo = onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5_000 }).status === 0;
  return sudo ? { prefix: ['sudo', '-n'] } : { reason: 'not running as root, and sudo asks for a password' };
}

function aptGet(prefix, args) {
  const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
  say(`$ ${[cmd, ...rest].join(' ')}`);
  const run = spawnSync(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return run.status === 0;
}

let missing = missingRequirements();
if (!missing.length) {
  say(`System programs for the tests: all present (${REQUIREMENTS.map((r) => r.id).join(', ')}).`);
  process.exit(0);
}

if (optedOut() && !isCI()) {
  say(`${SKIP_ENV}=1: the suites that need these programs skip (the summary at the end lists them):`);
  for (const line of list(missing)) say(line);
  process.exit(0);
}

if (optedOut()) say(`CI is set, so nothing may skip: ignoring ${SKIP_ENV}, installing what is missing instead.`);
const how = installer();
if (how.prefix) {
  const pkgs = [...new Set(missing.map((r) => r.pkg))];
  say(`Installing what the tests need: ${pkgs.join(' ')}`);
  for (const line of list(missing)) say(line);
  const ok = aptGet(how.prefix, ['update']) && aptGet(how.prefix, ['install', '-y', '--no-install-recommends', ...pkgs]);
  missing = missingRequirements();
  if (ok && !missing.length) {
    say(`Installed: ${pkgs.join(' ')}.`);
    process.exit(0);
  }
  fail([
    `The tests need system programs that are still missing after apt-get${ok ? '' : ' failed'}:`,
    ...list(missing),
    `Install them with:`,
    `  ${installCommand(missing)}`,
  ]);
}

fail([
  `npm test needs system programs this machine does not have (not installing them: ${how.reason}):`,
  ...list(missing),
  'Install them (Debian/Ubuntu) with:',
  `  ${installCommand(missing)}`,
  isCI()
    ? `CI is set, so nothing may skip: ${SKIP_ENV}=1 is not accepted here.`
    : `or run \`${SKIP_ENV}=1 npm test\` to skip the suites that need them (the summary at the end says which).`,
]);
