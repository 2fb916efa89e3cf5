// axe-core (a devDependency) run inside the validator page: the accessibility rules of WCAG 2.x A and AA and
// best practice, on whatever the page shows now. axe is evaluated through the DevTools protocol (page.evaluate
// of its source), which the page's Content-Security-Policy does not govern; nothing is added to the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** The CSS selectors of the offending elements, and axe's summary of each. */
  readonly nodes: readonly { readonly target: readonly string[]; readonly summary: string }[];
}

/** The violations axe finds in the page as it is now (every view: screen or emulated print media). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(`window.axe
    .run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
    .then((r) => r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary || '' })),
    })))`)) as AxeViolation[];
}

/** The violations in words, for an assertion's message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.summary}`).join('\n')}`).join('\n');
}
