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

// The README's one picture, docs/card.png: a card of the grid, its front
// beside its back. Written to target/screenshots/ on every run, and to docs/
// by `cargo xtask e2e -g "README's picture" --update-snapshots`.
test(`the README's picture: card 9, front and back`, async ({ page }, info) => {
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(hostPage('api'));
  await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { view: 'grid', card: 9, deeplink: 'off' }));
  await ready(page, '#host');
  const card = widget(page, '#host').card(9);
  const front = await card.screenshot();
  await card.click();
  await page.evaluate(() => (document.getElementById('host')!.shadowRoot!.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(900);
  const back = await card.screenshot();
  const picture = (shot: Buffer) => `<img src="data:image/png;base64,${shot.toString('base64')}" alt="">`;
  await page.setContent(
    `<body style="margin:0;display:flex;gap:24px;padding:24px;background:#e9edf2;width:max-content">${picture(front)}${picture(back)}</body>`,
  );
  const update = info.config.updateSnapshots === 'all' || info.config.updateSnapshots === 'changed';
  await page.locator('body').screenshot({ path: update ? 'docs/card.png' : `${dir}/readme-card.png` });
});
