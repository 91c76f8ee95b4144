import { test, hostPage, widget, ready, WIDGET_ORIGIN } from './fixtures';

// Review artefacts, not assertions: look at them after a change.
// They land in target/screenshots/.
const dir = 'target/screenshots';

for (const width of [360, 1280]) {
  test(`screenshots at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const w = widget(page);
    await w.root.screenshot({ path: `${dir}/${width}-deck-front-vi.png` });
    await w.card().click();
    await page.waitForTimeout(700);
    await w.root.screenshot({ path: `${dir}/${width}-deck-back-vi.png` });
    await w.button('English').click();
    await w.root.screenshot({ path: `${dir}/${width}-deck-back-en.png` });
    await w.button('All cards').click();
    await w.root.screenshot({ path: `${dir}/${width}-grid-en.png` });
    await page.goto(`${WIDGET_ORIGIN}/`);
    await ready(page);
    await page.screenshot({ path: `${dir}/${width}-standalone.png`, fullPage: true });
    await page.goto(hostPage('hostile'));
    await ready(page);
    await page.screenshot({ path: `${dir}/${width}-hostile.png`, fullPage: true });
  });
}
