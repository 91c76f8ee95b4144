import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page, FrameLocator } from '@playwright/test';
import { test, expect, hostPage, WIDGET_BASE } from './fixtures';

// oEmbed: a card page's link, pasted alone on a line of a WordPress post,
// becomes the widget. WordPress's own steps are done here as its PHP does
// them (wp-includes/embed.php: discovery, wp_filter_oembed_result), and the
// post runs WordPress's real wp-embed.js, from Debian's wordpress package.

const BASE_URL: string = JSON.parse(fs.readFileSync('dist/manifest.json', 'utf8')).base_url;
const AXE = path.resolve('node_modules/axe-core/axe.min.js');
/** The real WordPress's posts, each holding one pasted link (xtask/src/wordpress.rs). */
const WORDPRESS_POSTS: Record<string, string> = JSON.parse(process.env.CDS17_WORDPRESS_POSTS ?? '{}');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** An address on the deployment (as the pages give it), where the tests serve it. */
const served = (url: string) => url.replace(BASE_URL, `${WIDGET_BASE}/`);

/** What WordPress finds for `pasted`: the page's discovery link and its answer. */
async function discover(request: APIRequestContext, pasted: string) {
  const page = await (await request.get(served(pasted))).text();
  const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="[^"]+">/.exec(page);
  expect(link, `${pasted} has an oEmbed discovery link`).not.toBeNull();
  const response = await request.get(served(link![1]));
  expect(response.status()).toBe(200);
  return { endpoint: link![1], response, answer: await response.json() };
}

/**
 * A WordPress post whose content is only `pasted`, as WordPress serves it:
 * the answer's blockquote and iframe kept, a secret in both and in the
 * frame's address, the frame hidden and sandboxed, and wp-embed.js
 * (tests/e2e/hosts/wordpress-post.html).
 */
async function postWithLink(page: Page, request: APIRequestContext, pasted: string) {
  const { answer } = await discover(request, pasted);
  const [, quote = '', frame] = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(answer.html)!;
  const secret = 'Ab3dE5gH9k';
  const [, quoteMark, src] = / src=(["'])(.*?)\1/.exec(frame)!;
  let embed = (quote + frame).replace(
    ` src=${quoteMark}${src}${quoteMark}`,
    ` src="${served(src.replace(/&amp;/g, '&'))}#?secret=${secret}" data-secret="${secret}"`,
  );
  embed = embed.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  embed = embed.replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
  embed = embed.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  embed = embed.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
  await page.goto(hostPage('wordpress-post', `?embed=${encodeURIComponent(embed)}`));
  return { frame: page.frameLocator('iframe.wp-embedded-content'), element: page.locator('iframe.wp-embedded-content'), answer };
}

/** The frame of embed.html in the post. */
function framed(page: Page) {
  return page.frames().find((frame) => frame !== page.mainFrame() && new URL(frame.url()).pathname.endsWith('/embed.html'))!;
}

/** Waits until wp-embed.js has shown the frame: it takes away the style that hid it. */
async function shown(element: ReturnType<Page['locator']>) {
  await expect.poll(() => element.evaluate((frame) => frame.hasAttribute('style'))).toBe(false);
}

/** Waits until the framed widget's wasm has taken it over. */
async function frameReady(frame: FrameLocator) {
  await expect(frame.locator('.cds17-root:not(.cds17-pending):not([aria-busy])')).toBeVisible();
}

/** The frame's height as WordPress set it, and the widget's inside it. */
async function heights(frame: FrameLocator, element: ReturnType<Page['locator']>) {
  const widget = await frame.locator('#widget').evaluate((e) => e.getBoundingClientRect().height);
  const box = await element.boundingBox();
  return { frame: Number(await element.getAttribute('height')), shown: box?.height ?? 0, widget };
}

const PASTED = [
  { name: 'a Vietnamese card page', url: () => `${BASE_URL}the/5/`, card: 5, count: 'Thẻ 5/17', flipped: 'Thẻ 6/17', grid: 'Tất cả', deck: 'Từng thẻ' },
  { name: 'an English card page', url: () => `${BASE_URL}en/the/5/`, card: 5, count: 'Card 5/17', flipped: 'Card 6/17', grid: 'All cards', deck: 'One by one' },
  { name: 'the standalone page', url: () => BASE_URL, card: 1, count: 'Thẻ 1/17', flipped: 'Thẻ 2/17', grid: 'Tất cả', deck: 'Từng thẻ' },
];

/**
 * The widget in WordPress's frame, once shown: at the pasted page's card,
 * the frame as tall as the widget, flip and next working, the grid clamped
 * at WordPress's 1000 px, and the frame shrinking back with the deck.
 */
async function worksAndFits(frame: FrameLocator, element: ReturnType<Page['locator']>, pasted: (typeof PASTED)[number]) {
  await frameReady(frame);
  await expect(frame.locator('.cds17-slot[data-shown="true"] .cds17-card')).toHaveAttribute('data-card', `${pasted.card}`);
  await expect(frame.locator('.cds17-count')).toHaveText(pasted.count);
  await expect.poll(async () => { const h = await heights(frame, element); return Math.abs(h.frame - h.widget); }).toBeLessThanOrEqual(2);
  const deck = await heights(frame, element);
  expect(Math.abs(deck.shown - deck.widget)).toBeLessThanOrEqual(2);
  // It works: flip, then on to the next card.
  const flip = frame.locator('.cds17-slot[data-shown="true"] .cds17-flip');
  await flip.click();
  await expect(frame.locator('.cds17-slot[data-shown="true"] .cds17-card')).toHaveAttribute('data-flipped', 'true');
  await frame.locator('.cds17-next').click();
  await expect(frame.locator('.cds17-count')).toHaveText(pasted.flipped);
  // The grid is taller than WordPress allows: the frame stops at 1000 px and scrolls inside.
  await frame.getByRole('button', { name: pasted.grid, exact: true }).click();
  await expect.poll(async () => (await heights(frame, element)).frame).toBe(1000);
  // And back: the frame shrinks to the deck again.
  await frame.getByRole('button', { name: pasted.deck, exact: true }).click();
  await expect.poll(async () => { const h = await heights(frame, element); return Math.abs(h.frame - h.widget); }).toBeLessThanOrEqual(2);
  expect((await heights(frame, element)).frame).toBeLessThan(1000);
}

test.describe('oEmbed in WordPress', () => {
  for (const pasted of PASTED) {
    test(`a post holding only ${pasted.name}'s link shows the widget, sized, working and resized`, async ({ page, request }) => {
      await page.setViewportSize({ width: 1000, height: 900 });
      const { frame, element } = await postWithLink(page, request, pasted.url());
      // wp-embed.js shows the frame (and hides the quote) once the page has said its height.
      await shown(element);
      await expect(page.locator('blockquote.wp-embedded-content')).toBeHidden();
      await worksAndFits(frame, element, pasted);
    });
  }

  test('the post with an embedded card has no axe violations, in the post or in the frame', async ({ page, request }) => {
    const { frame, element } = await postWithLink(page, request, `${BASE_URL}the/9/`);
    await shown(element);
    await frameReady(frame);
    const run = (tags: string[]) =>
      (window as any).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, iframes: false })
        .then((result: any) => result.violations.flatMap((item: any) => item.nodes.map((node: any) => `${item.id}: ${node.target.join(' ')}`)));
    await page.addScriptTag({ path: AXE });
    expect(await page.evaluate(run, WCAG)).toEqual([]);
    const inner = framed(page);
    await inner.addScriptTag({ path: AXE });
    expect(await inner.evaluate(run, WCAG)).toEqual([]);
  });

  test('a link that leaves the frame is followed by WordPress, as a sandboxed frame may not', async ({ page, request }) => {
    const { element } = await postWithLink(page, request, `${BASE_URL}the/3/`);
    await shown(element);
    // The frame's one link is its fallback's (where the widget cannot start); one like it:
    await framed(page).evaluate(() => {
      const link = document.createElement('a');
      link.id = 'leave';
      link.href = './the/3/';
      link.textContent = 'Xem';
      link.target = '_blank';
      document.body.append(link);
    });
    await framed(page).locator('#leave').click();
    await expect(page).toHaveURL(`${WIDGET_BASE}/the/3/`);
  });

  test('the fallback link of the iframe page opens in a new tab', async ({ page }) => {
    await page.goto(`${WIDGET_BASE}/embed.html`);
    const html = await (await page.request.get(`${WIDGET_BASE}/embed.html`)).text();
    expect(html).toMatch(/<p class="fallback"><a href="\.\/" target="_blank">/);
  });
});

test.describe('oEmbed in a real WordPress (Debian\'s wordpress, written by an author)', () => {
  for (const pasted of PASTED) {
    test(`a post holding only ${pasted.name}'s link shows the widget, sized, working and resized`, async ({ page }) => {
      await page.setViewportSize({ width: 1000, height: 900 });
      const post = WORDPRESS_POSTS[pasted.url()];
      expect(post, `a WordPress post for ${pasted.url()}`).toBeTruthy();
      await page.goto(post);
      const element = page.locator('iframe.wp-embedded-content');
      // WordPress sandboxed the frame and put its secret in it, as with any site it does not know.
      await expect(element).toHaveAttribute('sandbox', 'allow-scripts');
      await expect(element).toHaveAttribute('src', new RegExp(`^${BASE_URL.replace(/[.]/g, '\\.')}embed\\.html.*#\\?secret=[A-Za-z0-9]+$`));
      const frame = page.frameLocator('iframe.wp-embedded-content');
      await shown(element);
      await worksAndFits(frame, element, pasted);
    });
  }

  test('the WordPress post with an embedded card has no axe violations in the frame, nor in what we add to the post', async ({ page }) => {
    await page.goto(WORDPRESS_POSTS[`${BASE_URL}the/9/`]);
    const element = page.locator('iframe.wp-embedded-content');
    await shown(element);
    await frameReady(page.frameLocator('iframe.wp-embedded-content'));
    await page.addScriptTag({ path: AXE });
    // The theme is WordPress's; what the embed adds is the figure with its frame.
    const post = await page.evaluate(
      (tags) =>
        (window as any).axe
          .run({ include: [['.wp-block-post-content']] }, { runOnly: { type: 'tag', values: tags }, iframes: false })
          .then((result: any) => result.violations.flatMap((item: any) => item.nodes.map((node: any) => `${item.id}: ${node.target.join(' ')}`))),
      WCAG,
    );
    expect(post).toEqual([]);
    const inner = framed(page);
    await inner.addScriptTag({ path: AXE });
    const framedViolations = await inner.evaluate(
      (tags) =>
        (window as any).axe
          .run(document, { runOnly: { type: 'tag', values: tags } })
          .then((result: any) => result.violations.flatMap((item: any) => item.nodes.map((node: any) => `${item.id}: ${node.target.join(' ')}`))),
      WCAG,
    );
    expect(framedViolations).toEqual([]);
  });
});

test.describe('oEmbed answers', () => {
  test('every page has one, valid, with absolute addresses on the deployment', async ({ request }) => {
    const pages = [BASE_URL, ...Array.from({ length: 17 }, (_, i) => [`${BASE_URL}the/${i + 1}/`, `${BASE_URL}en/the/${i + 1}/`]).flat()];
    for (const url of pages) {
      const { endpoint, response, answer } = await discover(request, url);
      expect(endpoint).toBe(`${url}oembed.json`);
      expect(response.headers()['content-type']).toMatch(/^application\/json/);
      expect(response.headers()['access-control-allow-origin']).toBe('*');
      expect(answer.version).toBe('1.0');
      expect(answer.type).toBe('rich');
      for (const field of ['title', 'provider_name', 'provider_url', 'thumbnail_url', 'html']) expect(typeof answer[field], field).toBe('string');
      for (const field of ['width', 'height', 'thumbnail_width', 'thumbnail_height']) expect(Number.isInteger(answer[field]), field).toBe(true);
      expect(answer.provider_url).toBe(BASE_URL);
      const card = /the\/(\d+)\/$/.exec(url)?.[1];
      const english = url.includes('/en/');
      expect(answer.title).toMatch(card ? new RegExp(`^(Điểm|Point) ${card}/17: `) : /^17 điểm/);
      // The quote links to the page; then one frame of embed.html at that card, in that language, with a title.
      const html: string = answer.html;
      expect(html.match(/<iframe/g)).toHaveLength(1);
      expect(html.indexOf('<blockquote><a href="' + url + '">')).toBe(0);
      expect(html.indexOf('<blockquote')).toBeLessThan(html.indexOf('<iframe'));
      const src = / src="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
      const expectedSrc = `${BASE_URL}embed.html${card ? `?card=${card}${english ? '&lang=en' : ''}` : ''}`;
      expect(src).toBe(expectedSrc);
      expect(html).toMatch(/<iframe [^>]*title="[^"]+"/);
      // The thumbnail is the page's og:image, and has the size the answer says.
      const page = await (await request.get(served(url))).text();
      expect(page).toContain(`<meta property="og:image" content="${answer.thumbnail_url}">`);
      const png = await (await request.get(served(answer.thumbnail_url))).body();
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([answer.thumbnail_width, answer.thumbnail_height]);
    }
  });
});
