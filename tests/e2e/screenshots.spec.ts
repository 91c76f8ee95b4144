import { test, hostPage, widget, ready, WIDGET_BASE, HOST_ORIGIN } from './fixtures';

// Review artefacts, not assertions: look at them after a change. They land
// in target/screenshots/.
const dir = 'target/screenshots';

for (const width of [320, 360, 768, 1280]) {
  for (const lang of ['vi', 'en'] as const) {
    test(`screenshots at ${width}px in ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(hostPage('api'));
      await page.evaluate((lang) => (window as any).CDS17.mount(document.getElementById('host'), { lang, card: 5 }), lang);
      await ready(page, '#host');
      const w = widget(page, '#host');
      await w.root.screenshot({ path: `${dir}/${width}-${lang}-deck-front.png` });
      await w.card().click();
      await page.waitForTimeout(700);
      await w.root.screenshot({ path: `${dir}/${width}-${lang}-deck-back.png` });
      await w.button(lang === 'vi' ? 'Tất cả' : 'All cards').click();
      await page.waitForTimeout(400);
      await w.root.screenshot({ path: `${dir}/${width}-${lang}-grid.png` });
      await page.evaluate(() => (window as any).CDS17.unmount(document.getElementById('host')));
      await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { theme: 'dark', card: 8 }));
      await w.root.screenshot({ path: `${dir}/${width}-dark.png` });
    });
  }
  test(`standalone page, card page, iframe page, sample host page and hostile host at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${WIDGET_BASE}/`);
    await ready(page);
    await page.screenshot({ path: `${dir}/${width}-standalone.png`, fullPage: true });
    await page.goto(`${WIDGET_BASE}/the/7/`);
    await ready(page);
    await page.screenshot({ path: `${dir}/${width}-card-page.png`, fullPage: true });
    await page.goto(`${WIDGET_BASE}/embed.html?card=4&lang=en`);
    await ready(page);
    await page.screenshot({ path: `${dir}/${width}-embed.png`, fullPage: true });
    await page.goto(`${HOST_ORIGIN}/`);
    await ready(page);
    await page.screenshot({ path: `${dir}/${width}-sample-host.png`, fullPage: true });
    await page.goto(hostPage('hostile'));
    await ready(page);
    await page.screenshot({ path: `${dir}/${width}-hostile.png`, fullPage: true });
  });
}
