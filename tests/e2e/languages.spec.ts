import { test, expect, hostPage, widget, ready, holdBack } from './fixtures';
import type { Page } from '@playwright/test';

/** The widget's text files the page has asked for, by language. */
function textRequests(page: Page) {
  const asked: string[] = [];
  page.on('request', (request) => {
    const match = /\/cds17\.(vi|en)\.[0-9a-f]{10}\.txt$/.exec(request.url());
    if (match) asked.push(match[1]);
  });
  return asked;
}

test.describe('each language’s text comes when a widget needs it', () => {
  test('a visitor in Vietnamese downloads no text file: the loader carries it; switching fetches English, once', async ({
    page,
  }) => {
    const asked = textRequests(page);
    await page.goto(hostPage('anchors'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    await expect(w.card().locator('.cds17-title').first()).toHaveText(/^Từ /);
    expect(asked).toEqual([]);

    await w.button('English').click();
    await expect(w.card().locator('.cds17-title').first()).toHaveText(/^From /);
    await expect(w.root).toHaveAttribute('lang', 'en');
    await expect(w.button('English')).toHaveAttribute('aria-pressed', 'true');
    await w.button('Tiếng Việt').click();
    await w.button('English').click();
    await expect(w.card().locator('.cds17-title').first()).toHaveText(/^From /);
    expect(asked).toEqual(['en']);
  });

  test('two widgets on a page share each language’s text', async ({ page }) => {
    const asked = textRequests(page);
    await page.goto(hostPage('two'));
    await ready(page, '#first');
    await ready(page, '#second');
    await expect(widget(page, '#second').card().locator('.cds17-title').first()).toHaveText(/^From /);
    await widget(page, '#first').button('English').click();
    await expect(widget(page, '#first').card().locator('.cds17-title').first()).toHaveText(/^From /);
    expect(asked).toEqual(['en']);
  });

  test('a widget that starts in English fetches its text once, and Vietnamese not at all', async ({ page }) => {
    const asked = textRequests(page);
    await page.goto(hostPage('options'));
    await ready(page, '#widget');
    await expect(widget(page, '#widget').card().locator('.cds17-title').first()).toHaveText(/^From /);
    // The grid widget on the page is Vietnamese: the loader has its text.
    await expect(widget(page, '#grid').card(1).locator('.cds17-title').first()).toHaveText(/^Từ /);
    await widget(page, '#widget').button('Tiếng Việt').click();
    await expect(widget(page, '#widget').card().locator('.cds17-title').first()).toHaveText(/^Từ /);
    expect(asked).toEqual(['en']);
  });

  for (const [calls, mounted] of [
    [['mount', 'unmount'], false],
    [['mount', 'unmount', 'mount'], true],
    [['mount', 'unmount', 'mount', 'unmount'], false],
  ] as const) {
    test(`${calls.join(', ')} while the text is on its way: they take effect in that order`, async ({ page }) => {
      const release = await holdBack(page, '**/cds17.en.*.txt');
      await page.goto(hostPage('sizes'));
      await page.waitForFunction(() => (window as any).CDS17);
      const done = page.evaluate((calls) => {
        const host = document.getElementById('host')!;
        const api = (window as any).CDS17;
        return Promise.all(calls.map((call) => (call === 'mount' ? api.mount(host, { lang: 'en', deeplink: 'off' }) : api.unmount(host))));
      }, [...calls]);
      await page.waitForTimeout(200);
      release();
      await done;
      await page.waitForTimeout(200);
      await expect(page.locator('#host .cds17-root:not(.cds17-pending):not([aria-busy])')).toHaveCount(mounted ? 1 : 0);
      if (mounted) await expect(widget(page, '#host').card().locator('.cds17-title').first()).toHaveText(/^From /);
    });
  }

  test.describe('when the other language cannot be fetched', () => {
    test.use({ expectedProblems: /Failed to load resource: net::ERR_FAILED/ });

    test('the widget stays in its language, says so once, and tries again when asked', async ({ page, warnings }) => {
      await page.route('**/cds17.en.*.txt', (route) => route.abort('failed'));
      await page.goto(hostPage('anchors'));
      await ready(page, '#widget');
      const w = widget(page, '#widget');
      await w.button('English').click();
      await expect.poll(() => warnings.filter((warning) => warning.includes('cds17: the en text could not be loaded')).length).toBe(1);
      await expect(w.root).toHaveAttribute('lang', 'vi');
      await expect(w.button('Tiếng Việt')).toHaveAttribute('aria-pressed', 'true');
      await expect(w.card().locator('.cds17-title').first()).toHaveText(/^Từ /);

      await page.unroute('**/cds17.en.*.txt');
      await w.button('English').click();
      await expect(w.card().locator('.cds17-title').first()).toHaveText(/^From /);
      expect(warnings.filter((warning) => warning.includes('could not be loaded'))).toHaveLength(1);
    });
  });
});
