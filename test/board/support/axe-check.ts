/// <reference lib="dom" />
import type { Page } from 'playwright-core';

const AXE_SOURCE: string = require('axe-core').source;

export type AxeViolation = Readonly<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;

/**
 * axe-core's serious and critical findings on the page as it is. Its source goes in through
 * DevTools evaluation, which the page's CSP does not govern (an injected <script> would be
 * refused, as it should be).
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => (await (window as any).axe.run(document)).violations)) as AxeViolation[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
