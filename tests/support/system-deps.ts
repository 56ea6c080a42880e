import { describe } from 'vitest';
import { chromiumPath, isCI, skipReason } from '../../scripts/system-deps.mjs';

/**
 * Suites that need system programs (Chromium, LibreOffice, poppler, Redis, PostgreSQL: see
 * scripts/system-deps.mjs). `npm test` installs them first or stops with the command that does;
 * run otherwise (WCB_SKIP_SYSTEM_TESTS=1, or Vitest directly), such a suite skips with the reason
 * in its name, which the summary at the end of the run repeats. With CI set nothing skips: a
 * missing program fails the suite.
 */
export { chromiumPath, isCI, skipReason as systemSkipReason };

/** Marks a skipped suite's name; tests/support/summary-reporter.ts reads the reason back from it. */
export const skippedName = (name: string, reason: string | null): string => (reason ? `${name} (skipped: ${reason})` : name);

/** describe() for a suite that needs the programs `needs` names (ids of scripts/system-deps.mjs). */
export function describeNeeding(needs: readonly string[], name: string, fn: () => void): void {
  const reason = skipReason(needs);
  describe.skipIf(reason !== null)(skippedName(name, reason), fn);
}
