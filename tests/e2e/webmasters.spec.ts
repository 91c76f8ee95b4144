import fs from 'node:fs';
import path from 'node:path';
import { test, expect, hostPage, widget, ready, holdBack, WIDGET_BASE, HOST_ORIGIN } from './fixtures';

// What a webmaster and the portal use: the embed builder on the standalone
// page, the iframe page, the card pages and the fallback tables of dist/.

const DIST = 'dist';

/** The widget inside the iframe `#frame` (or another) of the page. */
function framed(page: import('@playwright/test').Page, frame = '#frame') {
  const inside = page.frameLocator(frame);
  return {
    root: inside.locator('[data-cds17] .cds17-root'),
    card: inside.locator('[data-cds17] .cds17-slot[data-shown="true"] .cds17-card'),
    count: inside.locator('[data-cds17] .cds17-count'),
  };
}

test.describe('the embed builder', () => {
  test('its preview starts only when the builder comes near the screen, its height held', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(`${WIDGET_BASE}/`);
    await ready(page, '.widget');
    await page.waitForTimeout(500);
    expect(await page.locator('#builder-preview .cds17-root').count()).toBe(0);
    const held = await page.locator('#builder-preview').boundingBox();
    const below = () => page.locator('#snippet-a').evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    const before = await below();
    await page.locator('#builder').scrollIntoViewIfNeeded();
    await ready(page, '#builder-preview');
    expect(held!.height).toBeGreaterThan(600);
    expect(await below()).toBe(before);
  });

  test('its preview is the widget, and snippet (a) pasted into a fresh page works', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${WIDGET_BASE}/`);
    await page.locator('#builder').scrollIntoViewIfNeeded();
    await ready(page, '#builder-preview');
    const form = page.locator('#builder');
    await form.getByLabel('Ngôn ngữ').selectOption('en');
    await form.getByLabel('Kiểu xem').selectOption('deck');
    await form.getByLabel('Thẻ mở đầu').selectOption('5');
    await form.getByLabel('Nền').selectOption('dark');
    await form.getByLabel('Màu chủ đạo').fill('#a50e1c');

    // The preview follows, through CDS17.mount.
    const preview = widget(page, '#builder-preview');
    await expect(preview.root).toHaveAttribute('lang', 'en');
    await expect(preview.root).toHaveAttribute('data-theme', 'dark');
    await expect(preview.card()).toHaveAttribute('data-card', '5');

    const a = page.locator('#snippet-a');
    await expect(a).toContainText('data-lang="en"');
    await expect(a).toContainText('17 differences between applying IT and digital transformation');
    const snippet = (await a.textContent()) ?? '';
    // It names this deployment, pins the loader with its integrity, and
    // carries the 17 points for readers without JavaScript.
    expect(snippet).toContain(`src="${WIDGET_BASE}/cds17.`);
    expect(snippet).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/);
    expect(snippet.match(/<tr><th scope="row">/g)).toHaveLength(17);
    expect(snippet).toContain('data-card="5"');
    expect(snippet).toContain('--cds17-accent: #a50e1c');

    await page.getByRole('button', { name: 'Sao chép mã nhúng' }).click();
    await expect(page.locator('#copy-status')).toHaveText(/Đã sao chép mã nhúng/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // A fresh host page, on another origin, with just that snippet.
    await page.goto(`${hostPage('paste')}#html=${encodeURIComponent(snippet)}`);
    await ready(page);
    const pasted = widget(page);
    await expect(pasted.root).toHaveAttribute('lang', 'en');
    await expect(pasted.root).toHaveAttribute('data-theme', 'dark');
    await expect(pasted.card()).toHaveAttribute('data-card', '5');
    await pasted.card().click();
    await expect(pasted.card()).toHaveAttribute('data-flipped', 'true');
    // The chosen colour is on the back of the cards.
    const back = pasted.card().locator('.cds17-face-after');
    await expect(back).toHaveCSS('background-color', 'rgb(165, 14, 28)');
  });

  test('snippets (b) and (c) follow the choices, and each copy button says what it copied', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${WIDGET_BASE}/`);
    await page.locator('#builder').scrollIntoViewIfNeeded();
    await ready(page, '#builder-preview');
    const form = page.locator('#builder');
    await form.getByLabel('Thẻ mở đầu').selectOption('9');
    await form.getByLabel('Kiểu xem').selectOption('grid');
    await expect(page.locator('#snippet-b')).toHaveText(
      `<iframe src="${WIDGET_BASE}/embed.html?view=grid&card=9" data-cds17-frame title="17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số" width="100%" height="760" allow="fullscreen" loading="lazy" style="border: 0"></iframe>`,
    );
    await expect(page.locator('#snippet-c')).toHaveText(
      `<a href="${WIDGET_BASE}/the/9/">17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số</a>`,
    );
    await page.getByRole('button', { name: 'Sao chép mã iframe' }).click();
    await expect(page.locator('#copy-status')).toHaveText('Đã sao chép mã iframe.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('embed.html?view=grid&card=9');
    await page.locator('button[data-copy="snippet-c"]').click();
    await expect(page.locator('#copy-status')).toHaveText('Đã sao chép liên kết.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('/the/9/');
  });

  test('it offers the self-check: the preview opens it, and snippets (a) and (b) ask for it', async ({ page }) => {
    await page.goto(`${WIDGET_BASE}/`);
    await page.locator('#builder').scrollIntoViewIfNeeded();
    await ready(page, '#builder-preview');
    await page.locator('#builder').getByLabel('Kiểu xem').selectOption('quiz');
    await expect(page.locator('#builder-preview .cds17-quiz .cds17-quiz-progress')).toHaveText('Câu 1/10');
    const a = (await page.locator('#snippet-a').textContent()) ?? '';
    expect(a).toContain('data-view="quiz"');
    // The deck's height is held for it too, as the widget keeps it.
    expect(a).toMatch(/^<style>[^<]*min-height|^<style>[^<]*height:/);
    await expect(page.locator('#snippet-b')).toContainText('embed.html?view=quiz"');

    await page.goto(`${hostPage('paste')}#html=${encodeURIComponent(a)}`);
    await expect(page.locator('[data-cds17] .cds17-quiz .cds17-statement')).toBeVisible();
  });
});

test.describe('the iframe page', () => {
  test('without the loader on the host, it shows the card and language asked for, scrolling inside its frame', async ({ page }) => {
    await page.goto(hostPage('iframe'));
    const inside = framed(page);
    await expect(inside.root).toBeVisible();
    await expect(inside.root).toHaveAttribute('lang', 'en');
    await expect(inside.card).toHaveAttribute('data-card', '7');
    await expect(inside.count).toHaveText('Card 7/17');
    // The frame keeps the host's height; the page inside scrolls, nothing is cut off.
    const frame = page.locator('#frame');
    expect((await frame.boundingBox())!.height).toBe(300);
    const scroll = await page.frame({ url: /embed\.html/ })!.evaluate(() => ({
      content: document.documentElement.scrollHeight,
      view: window.innerHeight,
      overflowY: getComputedStyle(document.documentElement).overflowY,
    }));
    expect(scroll.content).toBeGreaterThan(scroll.view);
    expect(scroll.overflowY).not.toBe('hidden');
  });

  test('a loader that comes after the frame has said its height asks it again', async ({ page }) => {
    // The host's loader (the stable name) held back until the frame's page,
    // which holds still from its first paint, has painted and said its
    // height to nobody.
    const release = await holdBack(page, '**/cds17.js');
    await page.goto(hostPage('iframe-loader'), { waitUntil: 'commit' });
    await expect(framed(page).root).toHaveAttribute('data-theme', 'dark');
    await page.waitForTimeout(300);
    expect((await page.locator('#frame').boundingBox())!.height).toBeLessThan(400);
    release();
    await expect
      .poll(async () => (await page.locator('#frame').boundingBox())!.height, { message: 'the frame grows to its content' })
      .toBeGreaterThan(400);
  });

  test('with the loader on the host, the frame takes the height of its page', async ({ page }) => {
    await page.goto(hostPage('iframe-loader'));
    const inside = framed(page);
    await expect(inside.root).toHaveAttribute('data-theme', 'dark');
    await expect(inside.card).toHaveAttribute('data-card', '3');
    const frame = page.locator('#frame');
    await expect
      .poll(async () => (await frame.boundingBox())!.height, { message: 'the frame grows to its content' })
      .toBeGreaterThan(400);
    const content = await page.frame({ url: /embed\.html/ })!.evaluate(() =>
      Math.ceil(document.documentElement.getBoundingClientRect().height),
    );
    expect(Math.abs((await frame.boundingBox())!.height - content)).toBeLessThanOrEqual(1);
    // A height message from any other origin, or of another shape, is ignored.
    const before = (await frame.boundingBox())!.height;
    await page.evaluate(() => {
      window.postMessage({ type: 'cds17:height', height: 50 }, '*');
      window.postMessage({ type: 'cds17:height', height: 'tall' }, '*');
    });
    await page.waitForTimeout(200);
    expect((await frame.boundingBox())!.height).toBe(before);
    expect((await page.locator('#other').boundingBox())!.height).toBe(120);
    // With no placeholder, the loader did not render a widget in place.
    await expect(page.locator('[data-cds17]')).toHaveCount(0);
  });

  test('its bad query values get a warning each and the defaults', async ({ page, warnings }) => {
    await page.goto(`${WIDGET_BASE}/embed.html?card=18&lang=fr&view=grid`);
    await ready(page);
    const w = widget(page);
    await expect(w.root).toHaveAttribute('data-view', 'grid');
    await expect(w.root).toHaveAttribute('lang', 'vi');
    expect(warnings.filter((text) => text.includes('?card'))).toHaveLength(1);
    expect(warnings.filter((text) => text.includes('?lang'))).toHaveLength(1);
  });

  test('index.html#cds17-7 and embed.html?card=7&lang=en open the same card', async ({ page }) => {
    await page.goto(`${WIDGET_BASE}/#cds17-7`);
    await ready(page, '.widget');
    await expect(widget(page, '.widget').card()).toHaveAttribute('data-card', '7');
    await page.goto(`${WIDGET_BASE}/embed.html?card=7&lang=en`);
    await ready(page);
    await expect(widget(page).card()).toHaveAttribute('data-card', '7');
    await expect(widget(page).root).toHaveAttribute('lang', 'en');
  });
});

/** Every file of dist/, as paths relative to it. */
function distFiles(dir = DIST, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? distFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

test.describe('the card pages', () => {
  const manifest = JSON.parse(fs.readFileSync(`${DIST}/manifest.json`, 'utf8'));
  const files = new Set(distFiles());

  for (const lang of ['vi', 'en'] as const) {
    const folder = (l: string, n: number) => (l === 'en' ? `en/the/${n}/` : `the/${n}/`);
    const point = lang === 'en' ? 'Point' : 'Điểm';
    test(`there is one per card in ${lang}, each with its meta tags, its alternate in the other language and a 1200×630 image`, () => {
      const other = lang === 'en' ? 'vi' : 'en';
      const images = new Set<string>();
      for (let n = 1; n <= 17; n++) {
        const html = fs.readFileSync(`${DIST}/${folder(lang, n)}index.html`, 'utf8');
        const url = `${manifest.base_url}${folder(lang, n)}`;
        const meta = (attribute: string, name: string) =>
          html.match(new RegExp(`<meta ${attribute}="${name}" content="([^"]*)">`))?.[1];
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toMatch(new RegExp(`<title>${point} \\d+: [^<]+</title>`));
        expect(html).toContain(`<link rel="canonical" href="${url}">`);
        // hreflang both ways: each page names itself and the other.
        expect(html).toContain(`<link rel="alternate" hreflang="${lang}" href="${url}">`);
        expect(html).toContain(`<link rel="alternate" hreflang="${other}" href="${manifest.base_url}${folder(other, n)}">`);
        expect(meta('name', 'description')!.length).toBeGreaterThan(40);
        expect(meta('property', 'og:title')).toMatch(new RegExp(`^${point} ${n}/17: `));
        expect(meta('property', 'og:locale')).toBe(lang === 'en' ? 'en_GB' : 'vi_VN');
        expect(meta('property', 'og:url')).toBe(url);
        expect(meta('property', 'og:image')).toBe(`${url}og.png`);
        expect(meta('property', 'og:type')).toBe('article');
        expect(meta('name', 'twitter:card')).toBe('summary_large_image');
        expect(meta('name', 'twitter:image')).toBe(`${url}og.png`);
        // The widget opens in the page's language, on its card.
        expect(html).toContain(`<div data-cds17 data-card="${n}" data-lang="${lang}" data-deeplink="off" data-heading="off">`);
        const png = fs.readFileSync(`${DIST}/${folder(lang, n)}og.png`);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
        images.add(png.toString('base64'));
        // Each language has its own image.
        expect(png.equals(fs.readFileSync(`${DIST}/${folder(other, n)}og.png`))).toBe(false);
      }
      expect(images.size).toBe(17);
    });
  }

  test('an English card page is English, opens the widget in English on its card, and links to the Vietnamese one', async ({ page }) => {
    const html = fs.readFileSync(`${DIST}/en/the/7/index.html`, 'utf8');
    expect(html).toContain('Point 7/17');
    await page.goto(`${WIDGET_BASE}/en/the/7/`);
    await ready(page);
    const w = widget(page);
    await expect(w.root).toHaveAttribute('lang', 'en');
    await expect(w.card()).toHaveAttribute('data-card', '7');
    await expect(w.count).toHaveText('Card 7/17');
    await page.getByRole('link', { name: 'Next point →' }).click();
    await expect(page).toHaveURL(`${WIDGET_BASE}/en/the/8/`);
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await expect(page).toHaveURL(`${WIDGET_BASE}/the/8/`);
    await ready(page);
    await expect(widget(page).root).toHaveAttribute('lang', 'vi');
  });

  test('no link among the generated pages is broken', () => {
    const pages = [...files].filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(17);
    for (const page of pages) {
      // The markup only: not the text of inline scripts, nor comments.
      const html = fs
        .readFileSync(`${DIST}/${page}`, 'utf8')
        .replace(/<script>[\s\S]*?<\/script>/g, '')
        .replace(/<!--[\s\S]*?-->/g, '');
      for (const [, target] of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
        // Absolute URLs are not files of dist/.
        if (/^(https?:|data:|mailto:|#)/.test(target)) continue;
        const resolved = new URL(target, `http://dist.invalid/${page}`).pathname.slice(1);
        const file = resolved === '' || resolved.endsWith('/') ? `${resolved}index.html` : resolved;
        expect(files.has(file), `${page} links to ${target}`).toBe(true);
      }
    }
  });

  test('a card page is readable as plain HTML and opens the widget on its card', async ({ page }) => {
    const html = fs.readFileSync(`${DIST}/the/7/index.html`, 'utf8');
    expect(html).toContain('Chuyển đổi số là dùng chung trên đám mây');
    await page.goto(`${WIDGET_BASE}/the/7/`);
    await ready(page);
    const w = widget(page);
    await expect(w.card()).toHaveAttribute('data-card', '7');
    await w.next.click();
    // The page's address stays the card's own.
    expect(new URL(page.url()).hash).toBe('');
    await page.getByRole('link', { name: 'Điểm tiếp →' }).click();
    await expect(page).toHaveURL(`${WIDGET_BASE}/the/8/`);
  });

  test('the fallback tables hold the 17 points in each language', () => {
    for (const lang of ['vi', 'en']) {
      const html = fs.readFileSync(`${DIST}/fallback.${lang}.html`, 'utf8');
      expect(html.match(/<tr><th scope="row">/g)).toHaveLength(17);
      expect(html).toContain(lang === 'vi' ? 'Ứng dụng CNTT' : 'Applying IT');
    }
    // The standalone page carries the Vietnamese one as its own fallback.
    expect(fs.readFileSync(`${DIST}/index.html`, 'utf8').match(/<tr><th scope="row">/g)).toHaveLength(17);
  });
});

test('a NukeViet-like page, its script moved to the end of <body> after jQuery, renders in the placeholder', async ({ page }) => {
  await page.route(`${HOST_ORIGIN}/vendor/jquery.min.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync('node_modules/jquery/dist/jquery.min.js', 'utf8') }),
  );
  await page.goto(hostPage('nukeviet'));
  await ready(page, '#cds17-block');
  await expect(widget(page, '#cds17-block').card()).toHaveAttribute('data-card', '2');
  await expect(page.locator('.panel')).toHaveAttribute('data-ready', 'yes');
  // In the article, where the editor put it: before the paragraph below.
  const inOrder = await page.evaluate(() => {
    const block = document.getElementById('cds17-block')!;
    return block.nextElementSibling?.id === 'below' && document.querySelectorAll('[data-cds17]').length === 1;
  });
  expect(inOrder).toBe(true);
});
