import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, WIDGET_BASE } from './fixtures';

// The posters for notice boards: printed on A4 with Chromium, read back
// with poppler, and their QR codes decoded with zbar, as a phone would.

const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OUT = path.resolve('target/e2e-results/posters');
/** The address the build was told it is served from: every code leads there. */
const BASE_URL: string = JSON.parse(fs.readFileSync('dist/manifest.json', 'utf8')).base_url;
const CM = 96 / 2.54;
const PT = 96 / 72;

const LANGS = [
  { lang: 'vi', folder: 'poster/', cards: 'the/', point: 'Điểm', title: '17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số', before: 'Ứng dụng CNTT', after: 'Chuyển đổi số' },
  { lang: 'en', folder: 'en/poster/', cards: 'en/the/', point: 'Point', title: '17 differences between applying IT and digital transformation', before: 'Applying IT', after: 'Digital transformation' },
] as const;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function print(name: string) {
  fs.mkdirSync(OUT, { recursive: true });
  return path.join(OUT, `${name}.pdf`);
}

function pageCount(pdf: string) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function pageText(pdf: string, number: number) {
  return squash(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', `${number}`, '-l', `${number}`, pdf, '-'], { encoding: 'utf8' }));
}

/** Every page of `pdf` at 150 dpi, decoded by zbarimg: the codes found on each page. */
function decodePages(pdf: string) {
  const prefix = pdf.replace(/\.pdf$/, '');
  for (const old of fs.readdirSync(OUT).filter((f) => f.startsWith(path.basename(prefix) + '-'))) fs.rmSync(path.join(OUT, old));
  execFileSync('pdftoppm', ['-r', '150', '-png', pdf, prefix]);
  const pages = fs
    .readdirSync(OUT)
    .filter((f) => f.startsWith(path.basename(prefix) + '-') && f.endsWith('.png'))
    .sort();
  return pages.map((png) => {
    let found = '';
    try {
      found = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', path.join(OUT, png)], { encoding: 'utf8' });
    } catch {
      // zbarimg exits with 4 when it finds nothing: an empty list below.
    }
    return found.split('\n').filter(Boolean);
  });
}

/** Each card's title and sides, in `lang`, from its card page (not from the posters). */
async function cardTexts(page: Page, cards: string) {
  return page.evaluate(
    async ({ base, cards }) => {
      const texts = [];
      for (let n = 1; n <= 17; n++) {
        const html = await (await fetch(`${base}/${cards}${n}/`)).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const sides = [...doc.querySelectorAll('.fallback > p')].map((p) => p.textContent ?? '');
        texts.push({ title: doc.querySelector('h1')?.textContent ?? '', before: sides[0], after: sides[1] });
      }
      return texts;
    },
    { base: WIDGET_BASE, cards },
  );
}

test.describe('posters', () => {
  for (const l of LANGS) {
    test(`the ${l.lang} posters print as a cover and 17 A4 pages, one card on each`, async ({ page }) => {
      await page.goto(`${WIDGET_BASE}/${l.folder}`);
      const texts = await cardTexts(page, l.cards);
      const pdf = print(`posters-${l.lang}`);
      await page.pdf({ path: pdf, format: 'A4' });
      expect(pageCount(pdf)).toBe(18);
      const cover = pageText(pdf, 1);
      expect(cover).toContain(l.title);
      expect(cover).toContain('244/CĐSQG-CSS');
      for (let n = 1; n <= 17; n++) {
        const printed = pageText(pdf, n + 1);
        expect(printed).toContain(`${l.point} ${n}/17`);
        for (const part of [texts[n - 1].title, texts[n - 1].before, texts[n - 1].after, l.before.toUpperCase(), l.after.toUpperCase()]) {
          expect(printed, `card ${n}, page ${n + 1}`).toContain(squash(part));
        }
        expect(printed).toContain('244/CĐSQG-CSS');
        // No other card's title spills onto this page.
        for (let other = 1; other <= 17; other++) {
          if (other !== n) expect(printed).not.toContain(`${l.point} ${other}/17`);
        }
      }
    });

    test(`every QR code on the ${l.lang} posters decodes to its own page on the deployment`, async ({ page }) => {
      await page.goto(`${WIDGET_BASE}/${l.folder}`);
      const pdf = print(`codes-${l.lang}`);
      await page.pdf({ path: pdf, format: 'A4' });
      const decoded = decodePages(pdf);
      const expected = [BASE_URL, ...Array.from({ length: 17 }, (_, i) => `${BASE_URL}${l.cards}${i + 1}/`)];
      expect(decoded).toEqual(expected.map((url) => [url]));
    });

    test(`the ${l.lang} posters read at two metres, fit their pages and stay black on white`, async ({ page }) => {
      await page.goto(`${WIDGET_BASE}/${l.folder}`);
      await page.emulateMedia({ media: 'print' });
      const measured = await page.evaluate(() => {
        const px = (value: string) => parseFloat(value);
        return [...document.querySelectorAll<HTMLElement>('.sheet')].map((sheet) => {
          const box = sheet.getBoundingClientRect();
          const code = sheet.querySelector('svg.qr')!;
          const modules = Number(code.getAttribute('viewBox')!.split(' ')[2]);
          const colours = new Set<string>();
          for (const element of [sheet, ...sheet.querySelectorAll('*')]) {
            const style = getComputedStyle(element);
            colours.add(`color ${style.color}`);
            if (style.backgroundColor !== 'rgba(0, 0, 0, 0)') colours.add(`background ${style.backgroundColor}`);
          }
          return {
            width: box.width,
            height: box.height,
            overflow: sheet.scrollHeight - sheet.clientHeight,
            footBottom: sheet.lastElementChild!.getBoundingClientRect().bottom - box.bottom,
            sides: [...sheet.querySelectorAll('.sheet-side p')].map((p) => px(getComputedStyle(p).fontSize)),
            title: px(getComputedStyle(sheet.querySelector('h1, h2')!).fontSize),
            // The symbol without its quiet zone of 4 modules a side.
            code: (code.getBoundingClientRect().width * (modules - 8)) / modules,
            colours: [...colours].sort(),
          };
        });
      });
      expect(measured).toHaveLength(18);
      for (const [index, sheet] of measured.entries()) {
        const which = index === 0 ? 'the cover' : `card ${index}`;
        expect(sheet.width, which).toBeCloseTo(21 * CM, 0);
        expect(sheet.height, which).toBeLessThanOrEqual(29.7 * CM);
        expect(sheet.overflow, `${which} overflows its page`).toBeLessThanOrEqual(0);
        expect(sheet.footBottom, `${which}: the foot leaves the page`).toBeLessThanOrEqual(0);
        expect(sheet.title, which).toBeGreaterThanOrEqual(28 * PT);
        for (const size of sheet.sides) expect(size, which).toBeGreaterThanOrEqual(16 * PT);
        expect(sheet.code, `${which}: the code is at least 3 cm wide`).toBeGreaterThanOrEqual(3 * CM);
        expect(sheet.colours, which).toEqual(['background rgb(255, 255, 255)', 'color rgb(0, 0, 0)']);
      }
      expect(measured.slice(1).every((sheet) => sheet.sides.length === 2)).toBe(true);
    });

    test(`the ${l.lang} posters on screen: a preview with a print button, and no axe violations`, async ({ page }) => {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${WIDGET_BASE}/${l.folder}`);
        const button = page.getByRole('button', { name: l.lang === 'vi' ? 'In' : 'Print', exact: true });
        await expect(button).toBeVisible();
        await expect(page.getByText(l.lang === 'vi' ? /Giấy A4, khổ dọc/ : /A4 paper, portrait/)).toBeVisible();
        fs.mkdirSync('target/screenshots', { recursive: true });
        await page.screenshot({ path: `target/screenshots/posters-${l.lang}-${width}.png` });
        // No sheet is wider than the screen.
        const scrolls = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(scrolls).toBeLessThanOrEqual(0);
      }
      // The button opens the browser's print dialog.
      await page.evaluate(() => {
        (window as any).printed = 0;
        window.print = () => ((window as any).printed += 1);
      });
      await page.getByRole('button', { name: l.lang === 'vi' ? 'In' : 'Print', exact: true }).click();
      expect(await page.evaluate(() => (window as any).printed)).toBe(1);
      // A poster page loads nothing of the widget.
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.reload();
      await page.waitForLoadState('networkidle');
      expect(requests.filter((url) => /cds17\.|\.wasm|\.txt/.test(url))).toEqual([]);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async (tags) => {
        const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.flatMap((item: any) => item.nodes.map((node: any) => `${item.id}: ${node.target.join(' ')}`));
      }, WCAG);
      expect(violations).toEqual([]);
    });
  }
});

test.describe('printing one card', () => {
  for (const [lang, number] of [['vi', 8], ['en', 8], ['en', 5]] as const) {
    const l = LANGS.find((each) => each.lang === lang)!;
    test(`card page ${l.cards}${number} prints as one page, that card's poster, whose code opens the page itself`, async ({ page }) => {
      await page.goto(`${WIDGET_BASE}/${l.cards}${number}/`);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(canonical).toBe(`${BASE_URL}${l.cards}${number}/`);
      // On screen the poster is not there.
      await expect(page.locator('.sheet')).toBeHidden();
      const title = (await page.locator('h1').textContent())!;
      const pdf = print(`card-${lang}-${number}`);
      await page.pdf({ path: pdf, format: 'A4' });
      expect(pageCount(pdf)).toBe(1);
      const printed = pageText(pdf, 1);
      expect(printed).toContain(`${l.point} ${number}/17`);
      expect(printed).toContain(squash(title));
      expect(printed).toContain(l.after.toUpperCase());
      expect(decodePages(pdf)).toEqual([[canonical]]);
    });
  }
});

test.describe('links to the posters', () => {
  test('the standalone page and every card page link to the posters, which name each other', async ({ page, request }) => {
    await page.goto(`${WIDGET_BASE}/`);
    await page.locator('a[href="poster/"]').click();
    await expect(page).toHaveURL(`${WIDGET_BASE}/poster/`);
    for (const l of LANGS) {
      for (let n = 1; n <= 17; n++) {
        const html = await (await request.get(`${WIDGET_BASE}/${l.cards}${n}/`)).text();
        expect(html, `${l.cards}${n}/`).toContain(`href="../../${l.lang === 'en' ? '../' : ''}${l.folder}"`);
      }
      await page.goto(`${WIDGET_BASE}/${l.folder}`);
      const alternates = await page.locator('link[rel="alternate"]').evaluateAll((links) =>
        links.map((link) => `${link.getAttribute('hreflang')} ${link.getAttribute('href')}`),
      );
      expect(alternates).toEqual([`vi ${BASE_URL}poster/`, `en ${BASE_URL}en/poster/`, `x-default ${BASE_URL}poster/`]);
    }
    // A card page's link, followed.
    await page.goto(`${WIDGET_BASE}/en/the/3/`);
    await page.getByRole('link', { name: 'Posters to print (A4)' }).click();
    await expect(page).toHaveURL(`${WIDGET_BASE}/en/poster/`);
  });

  test('the sitemap lists the standalone page, every card page and both posters, with their alternates', async ({ page, request }) => {
    const response = await request.get(`${WIDGET_BASE}/sitemap.xml`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/xml/);
    await page.goto(`${WIDGET_BASE}/`);
    const entries = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return [...doc.getElementsByTagName('url')].map((url) => ({
        loc: url.getElementsByTagName('loc')[0].textContent!,
        alternates: [...url.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map(
          (link) => `${link.getAttribute('hreflang')} ${link.getAttribute('href')}`,
        ),
      }));
    }, await response.text());
    expect(entries).not.toBeNull();
    const locs = entries!.map((entry) => entry.loc);
    const expected = [
      BASE_URL,
      ...Array.from({ length: 17 }, (_, i) => [`${BASE_URL}the/${i + 1}/`, `${BASE_URL}en/the/${i + 1}/`]).flat(),
      `${BASE_URL}poster/`,
      `${BASE_URL}en/poster/`,
    ];
    expect(locs).toEqual(expected);
    for (const entry of entries!.slice(1)) {
      const vi = entry.loc.replace(`${BASE_URL}en/`, BASE_URL);
      const en = vi.replace(BASE_URL, `${BASE_URL}en/`);
      expect(entry.alternates).toEqual([`vi ${vi}`, `en ${en}`, `x-default ${vi}`]);
    }
    // Every address is a page the deployment serves.
    for (const loc of locs) {
      const served = await request.get(loc.replace(BASE_URL, `${WIDGET_BASE}/`));
      expect(served.status(), loc).toBe(200);
    }
  });
});
