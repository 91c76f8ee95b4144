import { test, expect, hostPage, widget, ready, focusedCard } from './fixtures';

test.describe('flipping', () => {
  test('a click anywhere on the card flips it and focuses its flip button', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const w = widget(page);
    const card = w.card(1);
    await expect(card).toHaveAttribute('data-flipped', 'false');
    const inert = (face: string) => card.locator(face).evaluate((face) => face.hasAttribute('inert'));
    expect(await inert('.cds17-face-before')).toBe(false);
    expect(await inert('.cds17-face-after')).toBe(true);

    await card.locator('.cds17-text').first().click();
    await expect(card).toHaveAttribute('data-flipped', 'true');
    await expect(w.flipButton(1)).toHaveAttribute('aria-pressed', 'true');
    expect(await inert('.cds17-face-after')).toBe(false);
    expect(await inert('.cds17-face-before')).toBe(true);
    await expect(card.locator('.cds17-face-after .cds17-side')).toHaveText('Chuyển đổi số');
    await expect(card.locator('.cds17-face-after .cds17-text')).toContainText('Lấy người dân làm trung tâm');
    expect(await focusedCard(page)).toBe(1);

    // The flip is a real 3D turn of the card.
    await page.waitForTimeout(700);
    const transform = await card.locator('.cds17-card-inner').evaluate((el) => getComputedStyle(el).transform);
    expect(transform).toMatch(/^matrix3d\(-1, /);

    // The button itself flips it back.
    await w.flipButton(1).click();
    await expect(card).toHaveAttribute('data-flipped', 'false');
  });

  test('flipping a card does not flip its neighbour', async ({ page }) => {
    await page.goto(hostPage('options'));
    await ready(page, '#grid');
    const grid = widget(page, '#grid');
    await grid.card(2).click();
    await expect(grid.card(2)).toHaveAttribute('data-flipped', 'true');
    for (const neighbour of [1, 3]) {
      await expect(grid.card(neighbour)).toHaveAttribute('data-flipped', 'false');
    }
    await grid.flipButton(3).click();
    await expect(grid.card(3)).toHaveAttribute('data-flipped', 'true');
    await expect(grid.card(2)).toHaveAttribute('data-flipped', 'true');
  });

  test('selecting text on a card does not flip it', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const text = widget(page).card(1).locator('.cds17-face-before .cds17-text');
    const box = (await text.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 4, box.y + 8, { steps: 5 });
    await page.mouse.up();
    await expect(widget(page).card(1)).toHaveAttribute('data-flipped', 'false');
  });
});

test.describe('navigation', () => {
  test('previous and next buttons, the count and the pager', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const w = widget(page);
    // Disabled with aria-disabled, so it keeps focus; a click does nothing.
    await expect(w.previous).toHaveAttribute('aria-disabled', 'true');
    await w.previous.click({ force: true });
    await expect(w.card()).toHaveAttribute('data-card', '1');
    await w.next.click();
    await expect(w.card()).toHaveAttribute('data-card', '2');
    await expect(w.count).toHaveText('Thẻ 2/17');
    await expect(page.locator('[data-cds17] .cds17-page[aria-current="true"]')).toHaveText(/^2/);
    await page.locator('[data-cds17] .cds17-page').nth(16).click();
    await expect(w.card()).toHaveAttribute('data-card', '17');
    await expect(w.count).toHaveText('Thẻ 17/17');
    await expect(w.next).toHaveAttribute('aria-disabled', 'true');
    await w.next.click({ force: true });
    await expect(w.card()).toHaveAttribute('data-card', '17');
    // Only the current card is shown; the others are hidden and inert.
    await expect(page.locator('[data-cds17] .cds17-slot[data-shown="true"] .cds17-card')).toHaveCount(1);
    await expect(w.card(16)).toBeHidden();
  });

  for (const width of [360, 1280]) {
    test(`at ${width}px, the deck keeps its height, its cards theirs and its buttons their place, from card to card`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(hostPage('one-tag'));
      await ready(page);
      const w = widget(page);
      const heights = new Set<number>();
      const cards = new Set<number>();
      const buttons = new Set<number>();
      const look = async () => {
        heights.add(Math.round((await w.root.boundingBox())!.height));
        cards.add(Math.round((await w.card().boundingBox())!.height));
        buttons.add(Math.round((await w.next.boundingBox())!.y - (await w.root.boundingBox())!.y));
      };
      for (let card = 1; card <= 17; card++) {
        await look();
        await w.card().click();
        await look();
        if (card < 17) await w.next.click();
      }
      expect([...heights]).toHaveLength(1);
      expect([...cards]).toHaveLength(1);
      expect([...buttons]).toHaveLength(1);
    });
  }

  test('the grid shows all 17 cards and the view switch goes back', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const w = widget(page);
    await w.button('Tất cả').click();
    await expect(w.root).toHaveAttribute('data-view', 'grid');
    await expect(page.locator('[data-cds17] .cds17-slot[data-shown="true"] .cds17-card')).toHaveCount(17);
    await expect(page.locator('[data-cds17] .cds17-nav')).toBeHidden();
    await w.card(9).click();
    await w.button('Từng thẻ').click();
    await expect(w.card()).toHaveAttribute('data-card', '9');
    await expect(w.card()).toHaveAttribute('data-flipped', 'true');
  });

  test('the language switch keeps the card and its side', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const w = widget(page);
    await w.next.click();
    await w.next.click();
    await w.card().click();
    await w.button('English').click();
    await expect(w.root).toHaveAttribute('lang', 'en');
    await expect(w.card()).toHaveAttribute('data-card', '3');
    await expect(w.card()).toHaveAttribute('data-flipped', 'true');
    await expect(w.card().locator('.cds17-face-after .cds17-side')).toHaveText('Digital transformation');
    await expect(w.card().locator('.cds17-face-after .cds17-title')).toHaveText(
      'From stand-alone software to shared digital platforms',
    );
    await expect(page.locator('[data-cds17] .cds17-source cite')).toHaveText('Official Letter 244/CĐSQG-CSS, 05/3/2023');
    await w.button('Tiếng Việt').click();
    await expect(w.card().locator('.cds17-face-after .cds17-side')).toHaveText('Chuyển đổi số');
    await expect(page.locator('[data-cds17] .cds17-source cite')).toHaveText('Công văn 244/CĐSQG-CSS, 05/3/2023');
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the controls, Enter and Space flip, arrows, Home and End move', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const w = widget(page);
    // From the top of the page, Tab walks into the widget.
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const active = document.querySelector('[data-cds17]')?.shadowRoot?.activeElement as HTMLElement | null;
          return active ? active.className || active.textContent || active.tagName : '';
        }),
      );
    }
    expect(reached).toContain('cds17-flip');
    expect(reached.some((name) => name.includes('cds17-next'))).toBe(true);
    expect(reached.some((name) => name.includes('cds17-previous'))).toBe(true);

    await w.flipButton(1).focus();
    await page.keyboard.press('Enter');
    await expect(w.card(1)).toHaveAttribute('data-flipped', 'true');
    await page.keyboard.press('Space');
    await expect(w.card(1)).toHaveAttribute('data-flipped', 'false');

    await page.keyboard.press('ArrowRight');
    await expect(w.card()).toHaveAttribute('data-card', '2');
    await expect.poll(() => focusedCard(page)).toBe(2);
    await page.keyboard.press('End');
    await expect(w.card()).toHaveAttribute('data-card', '17');
    await expect.poll(() => focusedCard(page)).toBe(17);
    await page.keyboard.press('ArrowLeft');
    await expect(w.card()).toHaveAttribute('data-card', '16');
    await page.keyboard.press('Home');
    await expect(w.card()).toHaveAttribute('data-card', '1');
    await expect.poll(() => focusedCard(page)).toBe(1);
  });

  test('walks through all 17 cards and flips each from the keyboard alone', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const w = widget(page);
    await w.flipButton(1).focus();
    for (let card = 1; card <= 17; card++) {
      await expect(w.card()).toHaveAttribute('data-card', String(card));
      await page.keyboard.press('Enter');
      await expect(w.card(card)).toHaveAttribute('data-flipped', 'true');
      await page.keyboard.press('ArrowRight');
    }
    await expect(w.card()).toHaveAttribute('data-card', '17');
  });

  test('the keys do nothing while focus is outside the widget', async ({ page }) => {
    await page.goto(hostPage('anchors'));
    await ready(page, '#widget');
    await page.locator('#to-contact').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await expect(widget(page, '#widget').card()).toHaveAttribute('data-card', '1');
  });
});

test.describe('touch', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });

  test('a swipe moves between cards and a tap flips', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const w = widget(page);
    const box = (await w.card(1).locator('.cds17-card-inner').boundingBox())!;
    const y = box.y + box.height / 2;
    const swipe = async (fromX: number, toX: number) => {
      const client = await page.context().newCDPSession(page);
      await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
      for (let step = 1; step <= 5; step++) {
        const x = fromX + ((toX - fromX) * step) / 5;
        await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      }
      await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await client.detach();
    };
    // A tap flips. (Tapped first: a tap right after a swipe only stops
    // the browser's fling, as on a real phone, and clicks nothing.)
    await w.card(1).locator('.cds17-title').first().tap();
    await expect(w.card(1)).toHaveAttribute('data-flipped', 'true');
    // A person lifts the finger between a tap and a swipe.
    await page.waitForTimeout(400);
    // A swipe to the left moves on, and does not flip.
    await swipe(box.x + box.width - 20, box.x + 20);
    await expect(w.card()).toHaveAttribute('data-card', '2');
    await expect(w.card()).toHaveAttribute('data-flipped', 'false');
    // A swipe to the right comes back, to the card as it was left.
    await swipe(box.x + 20, box.x + box.width - 20);
    await expect(w.card()).toHaveAttribute('data-card', '1');
    await expect(w.card()).toHaveAttribute('data-flipped', 'true');
  });
});

test.describe('seen cards', () => {
  test('the pager marks each card seen during this visit and says how many, in words; a new visit starts afresh', async ({ page }) => {
    await page.goto(hostPage('api'));
    await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { card: 3 }));
    await ready(page, '#host');
    const w = widget(page, '#host');
    const seen = page.locator('#host .cds17-seen');
    const marked = () =>
      page.locator('#host .cds17-page[data-seen="true"]').evaluateAll((pages) => pages.map((p) => Number(p.textContent!.match(/\d+/)![0])));
    await expect(seen).toHaveText('Đã xem 1/17');
    expect(await marked()).toEqual([3]);
    await w.next.click();
    await w.next.click();
    await w.previous.click();
    await page.locator('#host .cds17-page').nth(16).click();
    await w.card().click();
    await expect(seen).toHaveText('Đã xem 4/17');
    expect(await marked()).toEqual([3, 4, 5, 17]);
    // Screen readers get the same words: the line is text, not a picture.
    expect(await w.root.ariaSnapshot()).toMatch(/Đã xem[^\n]*\n?[^\n]*4[^\n]*\n?[^\n]*\/17/);
    await w.button('English').click();
    await expect(seen).toHaveText('Seen 4/17');
    // In memory only: a reload is a new visit.
    await page.reload();
    await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { card: 3 }));
    await ready(page, '#host');
    await expect(seen).toHaveText('Đã xem 1/17');
  });
});
