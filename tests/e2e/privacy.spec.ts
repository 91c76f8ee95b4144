import { test, expect, hostPage, widget, ready, WIDGET_BASE, HOST_ORIGIN } from './fixtures';

test.describe('privacy', () => {
  test('only its own files, no cookie, nothing stored, no font or tracker', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-write']);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(hostPage('anchors'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    await w.card().click();
    await w.next.click();
    await w.button('English').click();
    await w.button('All cards').click();
    await w.button('Copy link').click();
    await page.waitForTimeout(300);
    const ours = requests.filter((url) => !url.startsWith(`${HOST_ORIGIN}/`));
    // The loader carries the Vietnamese; English comes after the switch to it.
    const files = ours.map((url) => url.replace(/\.[0-9a-f]{10}\./, '.HASH.')).sort();
    expect(files).toEqual([`${WIDGET_BASE}/cds17.js`, `${WIDGET_BASE}/cds17.HASH.wasm`, `${WIDGET_BASE}/cds17.en.HASH.txt`].sort());
    expect(await context.cookies()).toEqual([]);
    const stored = await page.evaluate(() => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
    }));
    expect(stored).toEqual({ cookie: '', local: 0, session: 0 });
  });
});
