import { test as base, expect, type Page, type Locator } from '@playwright/test';

export { expect };

export const WIDGET_ORIGIN = process.env.CDS17_WIDGET_ORIGIN ?? '';
export const HOST_ORIGIN = process.env.CDS17_HOST_ORIGIN ?? '';

/** A test page of tests/e2e/hosts/, served from the host origin. */
export const hostPage = (name: string, hash = '') => `${HOST_ORIGIN}/test/${name}.html${hash}`;

/**
 * Every test fails if the page logs a console error or throws: whatever the
 * widget does, the host's error console stays clean.
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use(problems);
      expect(problems, 'console errors or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** The widget on `host` (a CSS selector for its placeholder). */
export function widget(page: Page, host = '[data-cds17]') {
  const root = page.locator(`${host} .cds17-root`);
  return {
    root,
    /** The card in view (deck) or a given card. */
    card: (number?: number): Locator =>
      number === undefined
        ? page.locator(`${host} .cds17-slot[data-shown="true"] .cds17-card`)
        : page.locator(`${host} .cds17-card[data-card="${number}"]`),
    flipButton: (number: number) => page.locator(`${host} .cds17-card[data-card="${number}"] .cds17-flip`),
    next: page.locator(`${host} .cds17-next`),
    previous: page.locator(`${host} .cds17-previous`),
    count: page.locator(`${host} .cds17-count`),
    button: (name: string | RegExp) => page.locator(host).getByRole('button', { name, exact: typeof name === 'string' }),
  };
}

/** Waits until the widget on `host` has rendered. */
export async function ready(page: Page, host = '[data-cds17]') {
  await expect(page.locator(`${host} .cds17-root`).first()).toBeVisible();
}

/** Which card's flip button has focus inside the widget on `host`, if any. */
export function focusedCard(page: Page, host = '[data-cds17]') {
  return page.evaluate((selector) => {
    const active = document.querySelector(selector)?.shadowRoot?.activeElement;
    if (!active || !active.classList.contains('cds17-flip')) return null;
    return Number((active.closest('.cds17-card') as HTMLElement).dataset.card);
  }, host);
}
