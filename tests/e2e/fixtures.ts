import { test as base, expect, type Page, type Locator, type BrowserContext, type Route } from '@playwright/test';

export { expect };

export const WIDGET_BASE = process.env.CDS17_WIDGET_BASE ?? '';
export const HOST_ORIGIN = process.env.CDS17_HOST_ORIGIN ?? '';

/** A test page of tests/e2e/hosts/, served from the host origin. */
export const hostPage = (name: string, hash = '') => `${HOST_ORIGIN}/test/${name}.html${hash}`;

/**
 * Every test fails if the page logs a console error, throws, or leaves a
 * promise rejected: whatever the widget does, the host's error console stays
 * clean. A test that injects a fault names the messages the browser itself
 * prints for it (a 404, a CSP report) in `expectedProblems`, one pattern;
 * those, and only those, are allowed.
 */
export const test = base.extend<{ expectedProblems: RegExp | null; pageProblems: string[]; warnings: string[] }>({
  expectedProblems: [null, { option: true }],
  pageProblems: [
    async ({ page, expectedProblems }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use(problems);
      const unexpected = problems.filter((problem) => !expectedProblems?.test(problem));
      expect(unexpected, 'console errors, page errors or unhandled rejections').toEqual([]);
    },
    { auto: true },
  ],
  /** The page's console warnings, as text. */
  warnings: async ({ page }, use) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await use(warnings);
  },
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

/**
 * Holds back every request the page makes for `url` (a glob) until the
 * returned function is called; then each goes on, or, if `then` is given,
 * is answered by it.
 */
export async function holdBack(page: Page, url: string, then?: (route: Route) => Promise<void>) {
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  await page.route(url, async (route) => {
    await held;
    await (then ? then(route) : route.continue());
  });
  return release;
}

/** Waits until the widget on `host` is up: the wasm has taken over the loader's first paint. */
export async function ready(page: Page, host = '[data-cds17]') {
  await expect(page.locator(`${host} .cds17-root:not(.cds17-pending):not([aria-busy])`).first()).toBeVisible();
}

/** Waits for the loader's first paint of the widget on `host`, before the wasm has taken it over. */
export async function painted(page: Page, host = '[data-cds17]') {
  await expect(page.locator(`${host} .cds17-root[aria-busy="true"] .cds17-slot[data-shown="true"] .cds17-text`).first()).toBeVisible();
}

/** What Listen should read for card `card` of the widget on `host`: the side in view's label, title and text. */
export async function sideInView(page: Page, host: string, card: number) {
  return page.locator(`${host} .cds17-card[data-card="${card}"]`).evaluate((card) => {
    const face = card.querySelector(card.getAttribute('data-flipped') === 'true' ? '.cds17-face-after' : '.cds17-face-before')!;
    const part = (selector: string) => face.querySelector(selector)!.textContent;
    return `${part('.cds17-side')}. ${part('.cds17-title')}. ${part('.cds17-text')}`;
  });
}

/** Which card's flip button has focus inside the widget on `host`, if any. */
/**
 * Chromium's own accessibility tree of the page, what a screen reader
 * reads: its nodes, as CDP lists them (a shadow tree's come last).
 */
export async function accessibilityTree(page: Page): Promise<any[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes;
}

export function focusedCard(page: Page, host = '[data-cds17]') {
  return page.evaluate((selector) => {
    const active = document.querySelector(selector)?.shadowRoot?.activeElement;
    if (!active || !active.classList.contains('cds17-flip')) return null;
    return Number((active.closest('.cds17-card') as HTMLElement).dataset.card);
  }, host);
}

/**
 * How far two screenshots are apart: the largest difference of any colour
 * channel of any pixel (0..255), or Infinity if their sizes differ.
 * Chromium rasterises the cards' 3D faces a little differently from one
 * frame to the next (two shots of a still widget differ by up to about 25),
 * so "the same picture" is "no pixel more than 40 apart".
 */
export async function pictureDistance(context: BrowserContext, a: Buffer, b: Buffer): Promise<number> {
  const scratch = await context.newPage();
  const distance = await scratch.evaluate(async (sources) => {
    const images = await Promise.all(
      sources.map(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image;
      }),
    );
    const [x, y] = images;
    if (x.width !== y.width || x.height !== y.height) return Infinity;
    const pixels = (image: HTMLImageElement) => {
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height).data;
    };
    const [p, q] = [pixels(x), pixels(y)];
    let most = 0;
    for (let i = 0; i < p.length; i++) most = Math.max(most, Math.abs(p[i] - q[i]));
    return most;
  }, [a, b].map((shot) => `data:image/png;base64,${shot.toString('base64')}`));
  await scratch.close();
  return distance;
}

/**
 * From the next frame on, adds up the page's layout shifts (what CLS counts);
 * the returned function reads the sum so far.
 */
export async function countLayoutShifts(page: Page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.evaluate(() => {
    (window as any).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as any).shifts += (entry as any).value;
    }).observe({ type: 'layout-shift' });
  });
  return () => page.evaluate(() => (window as any).shifts as number);
}
