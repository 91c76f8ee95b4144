import { test, expect, hostPage, widget, ready, focusedCard, WIDGET_BASE } from './fixtures';

test.describe('deep links', () => {
  test('#cds17-7 opens card 7, scrolls it into view and focuses it', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.goto(hostPage('anchors', '#cds17-7'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    await expect(w.card()).toHaveAttribute('data-card', '7');
    await expect.poll(() => focusedCard(page, '#widget')).toBe(7);
    await expect(w.card(7)).toBeInViewport();
  });

  test('moving through the cards writes the hash, without history entries', async ({ page }) => {
    await page.goto(hostPage('anchors'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    const historyLength = await page.evaluate(() => history.length);
    await w.next.click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#cds17-2');
    await w.next.click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#cds17-3');
    // Card 1 has no hash.
    await w.button('Thẻ trước').click();
    await w.button('Thẻ trước').click();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test('follows hashchange', async ({ page }) => {
    await page.goto(hostPage('anchors'));
    await ready(page, '#widget');
    await page.evaluate(() => (location.hash = '#cds17-12'));
    await expect(widget(page, '#widget').card()).toHaveAttribute('data-card', '12');
    await expect.poll(() => focusedCard(page, '#widget')).toBe(12);
    await page.goBack();
    await expect(widget(page, '#widget').card()).toHaveAttribute('data-card', '12');
  });

  test('the host page’s own anchors keep working', async ({ page }) => {
    await page.goto(hostPage('anchors'));
    await ready(page, '#widget');
    await widget(page, '#widget').next.click();
    await page.locator('#to-contact').click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#lien-he');
    await expect(page.locator('#lien-he')).toBeInViewport();
    await expect(widget(page, '#widget').card()).toHaveAttribute('data-card', '2');
    // Moving on writes our hash; going back to card 1 leaves a host hash alone.
    await page.evaluate(() => history.replaceState(null, '', '#lien-he'));
    await widget(page, '#widget').button('Thẻ trước').click();
    await expect(widget(page, '#widget').card()).toHaveAttribute('data-card', '1');
    expect(new URL(page.url()).hash).toBe('#lien-he');
  });

  test('data-deeplink="off" neither reads nor writes the hash', async ({ page }) => {
    await page.goto(hostPage('anchors', '#cds17-4'));
    await ready(page, '#widget');
    // Mount a second, non-linking widget through the API, then compare.
    await page.evaluate(async () => {
      const element = document.createElement('div');
      element.id = 'quiet';
      element.setAttribute('data-deeplink', 'off');
      document.body.prepend(element);
      await (window as any).CDS17.mount(element);
    });
    const quiet = widget(page, '#quiet');
    await expect(quiet.card()).toHaveAttribute('data-card', '1');
    await quiet.next.click();
    await expect(quiet.card()).toHaveAttribute('data-card', '2');
    expect(new URL(page.url()).hash).toBe('#cds17-4');
    await expect(widget(page, '#widget').card()).toHaveAttribute('data-card', '4');
  });

  test('a visitor can copy a link to the card in view: its own shareable page', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(hostPage('anchors'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    await w.next.click();
    await w.button('Sao chép liên kết').click();
    await expect(page.locator('#widget .cds17-copy-status')).toHaveText('Đã sao chép liên kết');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${WIDGET_BASE}/the/2/`);
    // The link opens that card.
    const other = await context.newPage();
    await other.goto(copied);
    await expect(widget(other).card()).toHaveAttribute('data-card', '2');
    await other.close();
  });

  test("in English, the copied link is the card's English page, which opens the widget in English", async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(hostPage('anchors'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    await w.button('English').click();
    await w.next.click();
    await w.button('Copy link').click();
    await expect(page.locator('#widget .cds17-copy-status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${WIDGET_BASE}/en/the/2/`);
    const other = await context.newPage();
    await other.goto(copied);
    await expect(widget(other).root).toHaveAttribute('lang', 'en');
    await expect(widget(other).card()).toHaveAttribute('data-card', '2');
    await other.close();
  });
});
