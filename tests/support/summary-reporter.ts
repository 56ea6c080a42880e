import type { Reporter, SerializedError, TestCase, TestModule, TestSuite } from 'vitest/node';

/**
 * Prints one machine-readable line at the end of a run, for CI runners that do not parse Vitest's
 * own summary:
 *
 *   12 passed, 0 failed
 *   12 passed, 1 failed, 2 skipped
 *
 * A test file that failed before any of its tests could run (import error, failing beforeAll
 * with no tests collected) and every unhandled error count as one failure each, so the line never
 * says "0 failed" for a run that Vitest itself fails.
 *
 * When something skipped, the lines just above say why, grouped by reason: the note a test gave
 * ctx.skip(note), else a "(skipped: reason)" in the name of the test or of a suite around it
 * (tests/support/system-deps.ts names suites that way), else how it was skipped.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    /** reason -> test file -> skipped tests in it */
    const reasons = new Map<string, Map<string, number>>();
    for (const mod of testModules) {
      let tests = 0;
      for (const test of mod.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        // 'skipped' covers skip/todo; 'pending' means it never ran (run interrupted or bail).
        else {
          skipped++;
          const reason = skipReasonOf(test);
          const files = reasons.get(reason) ?? new Map<string, number>();
          files.set(mod.relativeModuleId, (files.get(mod.relativeModuleId) ?? 0) + 1);
          reasons.set(reason, files);
        }
      }
      if (tests === 0 && mod.state() === 'failed') failed++;
      else if (mod.errors().length > 0 && !hasFailedTest(mod)) failed++;
    }
    failed += unhandledErrors.length;
    const out: string[] = [];
    if (skipped > 0) {
      out.push('', `Skipped (${skipped}), by reason:`);
      for (const [reason, files] of reasons) {
        const count = [...files.values()].reduce((a, b) => a + b, 0);
        const where = [...files].map(([file, n]) => `${file} (${n})`).join(', ');
        out.push(`  ${count} ${count === 1 ? 'test' : 'tests'}: ${reason}`, `    in ${where}`);
      }
    }
    out.push('', `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ''));
    process.stdout.write(`${out.join('\n')}\n`);
  }
}

const SKIPPED_IN_NAME = /\(skipped: (.+)\)\s*$/;

function skipReasonOf(test: TestCase): string {
  const result = test.result();
  if (result.state === 'skipped' && result.note) return result.note;
  for (let node: TestCase | TestSuite | TestModule = test; node.type !== 'module'; node = node.parent) {
    const named = SKIPPED_IN_NAME.exec(node.name);
    if (named) return named[1]!;
  }
  if (result.state === 'pending') return 'not run (the run was interrupted or stopped early)';
  if (test.options.mode === 'todo') return 'todo';
  return 'skipped in the code or filtered out, no reason given';
}

function hasFailedTest(mod: TestModule): boolean {
  for (const _ of mod.children.allTests('failed')) return true;
  return false;
}
