import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { installCommand, missingRequirements, REQUIREMENTS, skipReason } from '../../scripts/system-deps.mjs';

const run = promisify(execFile);
const ENSURE = fileURLToPath(new URL('../../scripts/ensure-system-deps.mjs', import.meta.url));
const saved = { CI: process.env.CI, CHROMIUM_PATH: process.env.CHROMIUM_PATH };

function setEnv(name: keyof typeof saved, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe('system programs the suites need', () => {
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) setEnv(name as keyof typeof saved, value);
  });

  it('a suite needing a missing program skips, naming it and the one command that installs it', () => {
    setEnv('CI', undefined);
    setEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    expect(missingRequirements(['chromium']).map((r) => r.id)).toEqual(['chromium']);
    expect(skipReason(['chromium'])).toBe(
      'needs chromium ($CHROMIUM_PATH=/nonexistent/chromium) (install: sudo apt-get install -y --no-install-recommends chromium)',
    );
  });

  it('with CI set nothing skips: a missing program is left to fail its suite', () => {
    setEnv('CI', 'true');
    setEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    expect(skipReason(['chromium'])).toBeNull();
  });

  it('the install command names each Debian package once', () => {
    expect(installCommand(REQUIREMENTS)).toBe(
      'sudo apt-get install -y --no-install-recommends chromium libreoffice-writer-nogui poppler-utils redis-server postgresql',
    );
  });

  it('npm test goes on without a missing program when told to skip, listing what will be skipped', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', WCB_SKIP_SYSTEM_TESTS: '1' };
    delete env.CI;
    const { stdout } = await run(process.execPath, [ENSURE], { env });
    expect(stdout).toContain('WCB_SKIP_SYSTEM_TESTS=1');
    expect(stdout).toContain('chromium ($CHROMIUM_PATH=/nonexistent/chromium)');
    expect(stdout).toContain('end-to-end tests');
  });
});
