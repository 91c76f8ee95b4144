import path from 'node:path';
import { test, expect, hostPage, widget, ready, WIDGET_BASE } from './fixtures';
import type { Page } from '@playwright/test';

// Sharing a card to a Zalo or Messenger group: where the browser can share
// (a phone's share sheet), "Chia sẻ" opens it with the card's page; where it
// cannot (this desktop Chromium), the same button copies the link.

const AXE = path.resolve('node_modules/axe-core/axe.min.js');

/**
 * A browser with a share sheet: navigator.share records what it is given,
 * then does what `outcome` says: 'shared', 'cancelled' (the visitor closed
 * the sheet) or 'refused' (it could not open).
 */
async function withShareSheet(page: Page, outcome: 'shared' | 'cancelled' | 'refused') {
  await page.addInitScript((outcome) => {
    (window as any).shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: function (data: ShareData) {
        (window as any).shared.push({ ...data });
        if (outcome === 'shared') return Promise.resolve();
        return Promise.reject(new DOMException('no', outcome === 'cancelled' ? 'AbortError' : 'NotAllowedError'));
      },
    });
  }, outcome);
}

async function mountAt(page: Page, lang: 'vi' | 'en', card: number) {
  await page.goto(hostPage('api'));
  await page.evaluate(({ lang, card }) => (window as any).CDS17.mount(document.getElementById('host'), { lang, card, deeplink: 'off' }), { lang, card });
  await ready(page, '#host');
}

const status = (page: Page) => page.locator('#host .cds17-copy-status');

test.describe('sharing a card', () => {
  for (const [lang, label, page_, title, line] of [
    ['vi', 'Chia sẻ', 'the/9/', 'Từ sản phẩm sang dịch vụ', '17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số'],
    ['en', 'Share', 'en/the/9/', 'From products to services', '17 differences between applying IT and digital transformation'],
  ] as const) {
    test(`where the browser can share, "${label}" opens the share sheet with the card's page, its title and one line (${lang})`, async ({ page }) => {
      await withShareSheet(page, 'shared');
      await mountAt(page, lang, 9);
      await widget(page, '#host').button(label).click();
      await expect.poll(() => page.evaluate(() => (window as any).shared)).toEqual([{ url: `${WIDGET_BASE}/${page_}`, title, text: line }]);
      await expect(status(page)).toHaveAttribute('data-empty', 'true');
    });
  }

  test('a share the visitor cancels is no error, and shows nothing', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await withShareSheet(page, 'cancelled');
    await mountAt(page, 'vi', 3);
    await page.evaluate(() => navigator.clipboard.writeText('untouched'));
    await widget(page, '#host').button('Chia sẻ').click();
    await expect.poll(() => page.evaluate(() => (window as any).shared.length)).toBe(1);
    await page.waitForTimeout(300);
    await expect(status(page)).toHaveAttribute('data-empty', 'true');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');
  });

  test('a share sheet that cannot open copies the link instead, and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await withShareSheet(page, 'refused');
    await mountAt(page, 'vi', 3);
    await widget(page, '#host').button('Chia sẻ').click();
    await expect(status(page)).toHaveText('Đã sao chép liên kết');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${WIDGET_BASE}/the/3/`);
  });

  test('where the browser cannot share, the button copies the link and the live region says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.addInitScript(() => delete (Navigator.prototype as any).share);
    await mountAt(page, 'en', 5);
    await expect(widget(page, '#host').button('Share')).toHaveCount(0);
    await widget(page, '#host').button('Copy link').click();
    await expect(status(page)).toHaveText('Link copied');
    await expect(status(page)).toHaveAttribute('role', 'status');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${WIDGET_BASE}/en/the/5/`);
  });

  test('what the live region said goes when the visitor moves on: it was about the card before', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await mountAt(page, 'vi', 3);
    const w = widget(page, '#host');
    await w.button('Sao chép liên kết').click();
    await expect(status(page)).toHaveText('Đã sao chép liên kết');
    await expect(status(page)).toHaveAttribute('data-empty', 'false');
    await w.next.click();
    await expect(status(page)).toHaveAttribute('data-empty', 'true');
    await expect(status(page)).toHaveText(' ');
  });

  test('a clipboard that refuses: the live region says to copy the address instead', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        configurable: true,
        get: () => ({ writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) }),
      });
    });
    await mountAt(page, 'en', 3);
    await widget(page, '#host').button('Copy link').click();
    await expect(status(page)).toHaveText('Could not copy it. Please copy the address from the browser’s address bar.');
  });

  test('no third-party script: the widget makes no request to share', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await withShareSheet(page, 'shared');
    await mountAt(page, 'vi', 2);
    const before = requests.length;
    await widget(page, '#host').button('Chia sẻ').click();
    await expect.poll(() => page.evaluate(() => (window as any).shared.length)).toBe(1);
    expect(requests.slice(before)).toEqual([]);
  });

  test('axe finds nothing with the Share button shown', async ({ page }) => {
    await withShareSheet(page, 'shared');
    await mountAt(page, 'vi', 2);
    await expect(widget(page, '#host').button('Chia sẻ')).toBeVisible();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as any).axe.run(document.getElementById('host'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((item: any) => item.id);
    });
    expect(violations).toEqual([]);
  });
});
