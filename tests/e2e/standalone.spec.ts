import { test, expect, widget, ready, WIDGET_BASE } from './fixtures';

test.describe('the standalone page', () => {
  test('shows the explainer full page, with the source and the embed snippet', async ({ page }) => {
    await page.goto(`${WIDGET_BASE}/`);
    await ready(page);
    const w = widget(page);
    await expect(page.locator('[data-cds17] .cds17-card')).toHaveCount(17);
    await expect(page.locator('[data-cds17] .cds17-source cite')).toHaveText('Công văn 244/CĐSQG-CSS, 05/3/2023');
    await expect(page.locator('#snippet')).toHaveText(
      `<div data-cds17></div>\n<script src="${WIDGET_BASE}/cds17.js" async></script>`,
    );
    await w.next.click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#cds17-2');
  });

  test('opens the card a portal links to', async ({ page }) => {
    await page.goto(`${WIDGET_BASE}/#cds17-15`);
    await ready(page);
    await expect(widget(page).card()).toHaveAttribute('data-card', '15');
  });
});
