import path from 'node:path';
import { test, expect, widget, ready, hostPage, holdBack, countLayoutShifts, accessibilityTree, WIDGET_BASE } from './fixtures';
import type { Page } from '@playwright/test';

// Our own pages as a passer-by meets them: a poster's QR code opens a card
// page on a phone, a link opens the standalone page. The page's h1 names the
// widget (data-heading="off"), so the card comes first.

const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const PHONE = { width: 360, height: 640 };
const LAPTOP = { width: 1280, height: 800 };
/** The first line of a card's text, at the widget's 17 px and line height 1.5–1.6. */
const ONE_LINE_PX = 28;

const DECK_TITLES = ['17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số', '17 differences between applying IT and digital transformation'];
const PAGES = [
  { name: 'the standalone page', url: '/', card: 1 },
  ...[1, 9, 17].flatMap((card) => [
    { name: `card page ${card}`, url: `/the/${card}/`, card },
    { name: `card page ${card} in English`, url: `/en/the/${card}/`, card },
  ]),
];

/** Where the first line of the card in view stands, and the card's title, in the viewport. */
async function cardPlaces(page: Page) {
  const face = widget(page).card().locator('.cds17-face-before');
  const title = await face.locator('.cds17-title').boundingBox();
  const text = await face.locator('.cds17-text').boundingBox();
  return { title: title!, text: text! };
}

/**
 * The headings a screen reader gets, in order: Chromium's accessibility tree
 * (which takes aria-level over the tag, as screen readers do; Playwright's
 * getByRole reads the tag).
 */
async function headings(page: Page): Promise<Array<[number, string]>> {
  const nodes = await accessibilityTree(page);
  // The list is not in reading order (a shadow tree's nodes come last):
  // walk the tree.
  const byId = new Map(nodes.map((node: any) => [node.nodeId, node]));
  const found: Array<[number, string]> = [];
  const walk = (node: any) => {
    if (!node) return;
    if (!node.ignored && node.role?.value === 'heading') {
      found.push([node.properties?.find((p: any) => p.name === 'level')?.value.value ?? 0, node.name?.value ?? '']);
    }
    for (const id of node.childIds ?? []) walk(byId.get(id));
  };
  walk(nodes[0]);
  return found;
}

/** axe-core on our whole page (it is ours): WCAG 2.2 AA and the heading order. */
async function axe(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const wcag = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    const order = await axe.run(document, { runOnly: { type: 'rule', values: ['heading-order', 'page-has-heading-one'] } });
    return [...wcag.violations, ...order.violations].flatMap((item: any) =>
      item.nodes.map((node: any) => `${item.id}: ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    );
  });
}

test.describe('our pages on a phone', () => {
  for (const { name, url, card } of PAGES) {
    test(`${name} at 360×640: the card's text starts above the fold, under one heading, with its controls in reach`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto(`${WIDGET_BASE}${url}`);
      await ready(page);
      const w = widget(page);
      await expect(w.card()).toHaveAttribute('data-card', String(card));

      const { title, text } = await cardPlaces(page);
      expect(title.y).toBeGreaterThan(0);
      expect(text.y + ONE_LINE_PX).toBeLessThanOrEqual(PHONE.height);

      // One heading on the page; the widget's own title is not shown, and
      // the card's title comes next, at level 2.
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.locator('[data-cds17] .cds17-heading')).toBeHidden();
      await expect(page.locator('[data-cds17] .cds17-eyebrow')).toBeHidden();
      const cardTitle = (await w.card().locator('.cds17-face-before .cds17-title').textContent())!;
      const said = await headings(page);
      expect(said.filter(([level]) => level === 1)).toHaveLength(1);
      expect(said[0][0]).toBe(1);
      expect(said[1]).toEqual([2, cardTitle]);
      // The deck's own title is said once at most: as the page's h1.
      expect(said.filter(([level, name]) => level > 1 && DECK_TITLES.includes(name))).toEqual([]);
      expect(await axe(page)).toEqual([]);

      // The language switch is on screen; flip and next are a scroll away, and work.
      await expect(w.button('English')).toBeInViewport();
      await w.flipButton(card).click();
      await expect(w.card()).toHaveAttribute('data-flipped', 'true');
      const move = card === 17 ? w.previous : w.next;
      await move.click();
      await expect(w.card()).toHaveAttribute('data-card', String(card === 17 ? 16 : card + 1));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    });
  }

  for (const { name, url } of [PAGES[0], PAGES[3]]) {
    test(`${name} at 1280×800: the band keeps its words and the card starts above the fold`, async ({ page }) => {
      await page.setViewportSize(LAPTOP);
      await page.goto(`${WIDGET_BASE}${url}`);
      await ready(page);
      await expect(page.locator('.band h1')).toBeInViewport();
      await expect(page.locator('.band .kicker')).toBeVisible();
      const { text } = await cardPlaces(page);
      expect(text.y + ONE_LINE_PX).toBeLessThanOrEqual(LAPTOP.height);
    });
  }

  for (const { name, url } of [PAGES[0], PAGES[3], PAGES[6]]) {
    test(`${name} at 360×640: nothing moves from the first paint until the widget is up`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      const release = await holdBack(page, '**/cds17*.js');
      await page.goto(`${WIDGET_BASE}${url}`, { waitUntil: 'commit' });
      await expect(page.locator('h1')).toBeVisible();
      const shifts = await countLayoutShifts(page);
      release();
      await ready(page);
      await page.waitForTimeout(300);
      expect(await shifts()).toBe(0);
    });
  }
});

test.describe('the heading option', () => {
  test('heading: off hides the widget’s eyebrow and title, and puts its cards’ titles and the self-check’s at level 2', async ({ page }) => {
    await page.goto(hostPage('api'));
    await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { heading: 'off', card: 4 }));
    await ready(page, '#host');
    const host = page.locator('#host');
    await expect(host.locator('.cds17-heading')).toBeHidden();
    await expect(host.locator('.cds17-eyebrow')).toBeHidden();
    const title = (await widget(page, '#host').card().locator('.cds17-face-before .cds17-title').textContent())!;
    expect(await headings(page)).toContainEqual([2, title]);
    expect((await headings(page)).filter(([level]) => level > 2)).toEqual([]);

    await widget(page, '#host').button(/^Tự kiểm tra$/).click();
    await expect(host.locator('.cds17-statement')).toBeVisible();
    // The self-check's headings (the card a statement came from, the score)
    // show after an answer and at the end; each is at level 2.
    const levels = await page.evaluate(() =>
      [...document.getElementById('host')!.shadowRoot!.querySelectorAll('.cds17-quiz-host :is(h2, h3)')].map(
        (heading) => heading.getAttribute('aria-level') ?? heading.tagName,
      ),
    );
    expect(levels.length).toBeGreaterThan(1);
    expect(levels.every((level) => level === '2')).toBe(true);
    await host.locator('.cds17-quiz-host .cds17-answer-before').click();
    await expect(host.locator('.cds17-quiz-host .cds17-title')).toBeVisible();
    expect((await headings(page)).filter(([level]) => level > 2)).toEqual([]);
  });

  test('by default the widget shows its title as a level-2 heading, its cards’ titles at level 3', async ({ page }) => {
    await page.goto(hostPage('api'));
    await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { card: 4 }));
    await ready(page, '#host');
    const host = page.locator('#host');
    await expect(host.locator('.cds17-heading')).toBeVisible();
    const title = (await widget(page, '#host').card().locator('.cds17-face-before .cds17-title').textContent())!;
    const said = await headings(page);
    expect(said).toContainEqual([2, '17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số']);
    expect(said).toContainEqual([3, title]);
  });
});
