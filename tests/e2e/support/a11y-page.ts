import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules: what the issue promises, no best-practice extras. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type Finding = { id: string; impact: string; help: string; targets: string[] };

/** axe-core's audit of whatever a page shows now, as a person would meet it. */
export class A11yAudit {
  constructor(readonly page: Page) {}

  /** Every violation on the page now (axe injected on first use; a navigation needs it again). */
  async run(): Promise<Finding[]> {
    const present = await this.page.evaluate(() => 'axe' in window);
    // Evaluated through the DevTools protocol, which the page's CSP does not govern: an inline
    // <script> tag (addScriptTag) would be refused by script-src 'self', as it should be.
    if (!present) await this.page.evaluate(axe.source);
    return this.page.evaluate(async (tags) => {
      const engine = (window as unknown as { axe: typeof axe }).axe;
      const result = await engine.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
      }));
    }, TAGS);
  }

  /**
   * The serious and critical violations (the issue's bar: none); the rest are printed so they
   * stay visible without failing the run.
   */
  async blocking(where: string): Promise<Finding[]> {
    const all = await this.run();
    const minor = all.filter((f) => f.impact !== 'serious' && f.impact !== 'critical');
    if (minor.length) console.log(`axe (${where}), minor:\n${minor.map((f) => `  ${f.impact} ${f.id}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n')}`);
    return all.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  }
}
