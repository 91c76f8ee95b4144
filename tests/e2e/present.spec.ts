import path from 'node:path';
import { test, expect, hostPage, widget, ready, holdBack, WIDGET_BASE } from './fixtures';
import type { Page, Frame } from '@playwright/test';

// Presenter mode: a trainer in a meeting hall, a projector, a presenter
// remote (which sends PageDown, PageUp, and sometimes Space, Backspace, Home,
// End and Esc). Headless Chromium grants fullscreen; an init script that
// refuses it, or a frame without allow="fullscreen", shows the overlay.

const host = '#host';

/** A widget on the API page, its handle in `window.handle`, its present events in `window.presenting`. */
async function mount(page: Page, options: Record<string, unknown> = {}) {
  await page.goto(hostPage('api'));
  await page.evaluate(async (options) => {
    const element = document.getElementById('host')!;
    (window as any).presenting = [];
    element.addEventListener('cds17:present', (event) => (window as any).presenting.push((event as CustomEvent).detail.active));
    (window as any).handle = await (window as any).CDS17.mount(element, { deeplink: 'off', ...options });
  }, options);
  await ready(page, host);
}

const mountOf = (page: Page | Frame, placeholder = host) => page.locator(`${placeholder} .cds17-mount`);
const events = (page: Page) => page.evaluate(() => (window as any).presenting as boolean[]);
const fullscreenIs = (page: Page | Frame) => page.evaluate(() => document.fullscreenElement?.id ?? document.fullscreenElement?.tagName ?? null);
const overlaid = (page: Page | Frame, placeholder = host) => mountOf(page, placeholder).evaluate((mount) => mount.matches(':popover-open'));

/** Where the deck is: the card in view and the side it shows. */
async function at(page: Page | Frame, placeholder = host) {
  const card = page.locator(`${placeholder} .cds17-slot[data-shown="true"] .cds17-card`);
  return `${await card.getAttribute('data-card')} ${(await card.getAttribute('data-flipped')) === 'true' ? 'back' : 'front'}`;
}

/** A fullscreen request the page refuses, as an iframe without allow="fullscreen" does. */
async function refuseFullscreen(page: Page) {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('fullscreen is not allowed here'));
  });
}

test.describe('presenter mode', () => {
  test('Present fills the screen with the placeholder, and Esc comes back to the card reached, focus on the button', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await mount(page, { card: 4 });
    const w = widget(page, host);
    const present = w.button('Trình chiếu');
    await present.click();
    await expect.poll(() => fullscreenIs(page)).toBe('host');
    await expect(mountOf(page)).toHaveClass(/cds17-presenting/);
    await expect(present).toHaveAttribute('aria-pressed', 'true');
    // The card alone: no switches, no navigation buttons, no source line.
    await expect(w.button('English')).toBeHidden();
    await expect(w.next).toBeHidden();
    await expect(page.locator(`${host} .cds17-source`)).toBeHidden();
    await expect(w.count).toBeVisible();
    await expect(w.count).toHaveText(/Thẻ\s*4\s*\/\s*17/);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    expect(await at(page)).toBe('5 front');

    await page.keyboard.press('Escape');
    await expect.poll(() => fullscreenIs(page)).toBe(null);
    await expect(mountOf(page)).not.toHaveClass(/cds17-presenting/);
    await expect(present).toHaveAttribute('aria-pressed', 'false');
    await expect(present).toBeFocused();
    await expect(w.button('English')).toBeVisible();
    expect(await at(page)).toBe('5 front');
    expect(await events(page)).toEqual([true, false]);
  });

  test('where the page refuses fullscreen, an overlay covers the viewport instead, over the page’s own CSS', async ({ page }) => {
    await refuseFullscreen(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(hostPage('hostile'));
    await ready(page);
    // A host that transforms and clips the widget's ancestors, which would
    // trap a position: fixed overlay.
    await page.evaluate(() => {
      const placeholder = document.querySelector('[data-cds17]')!;
      placeholder.parentElement!.style.transform = 'scale(0.5)';
      placeholder.parentElement!.style.overflow = 'hidden';
    });
    const w = widget(page);
    await w.button('Trình chiếu').click();
    await expect.poll(() => overlaid(page, '[data-cds17]')).toBe(true);
    expect(await fullscreenIs(page)).toBe(null);
    const box = (await mountOf(page, '[data-cds17]').boundingBox())!;
    expect(box).toEqual({ x: 0, y: 0, width: 1024, height: 768 });
    await page.keyboard.press('End');
    expect(await at(page, '[data-cds17]')).toBe('17 back');
    await page.keyboard.press('Escape');
    await expect.poll(() => overlaid(page, '[data-cds17]')).toBe(false);
    await expect(w.button('Trình chiếu')).toBeFocused();
  });

  test('a presenter remote steps front, back, next front; PageUp, Space, Backspace, Home and End too; a click steps on', async ({ page }) => {
    await mount(page, { card: 16 });
    await widget(page, host).button('Trình chiếu').click();
    await expect.poll(() => fullscreenIs(page)).toBe('host');
    const steps: Array<[string, string]> = [
      ['PageDown', '16 back'],
      ['PageDown', '17 front'],
      ['Space', '17 back'],
      ['PageDown', '17 back'],
      ['PageUp', '17 front'],
      ['Backspace', '16 back'],
      ['ArrowLeft', '16 front'],
      ['Enter', '16 back'],
      ['ArrowRight', '17 front'],
      ['Home', '1 front'],
      ['PageUp', '1 front'],
      ['End', '17 back'],
    ];
    for (const [key, reached] of steps) {
      await page.keyboard.press(key);
      expect(await at(page), key).toBe(reached);
    }
    await page.keyboard.press('Home');
    await widget(page, host).card().click();
    expect(await at(page)).toBe('1 back');
    await widget(page, host).card().click();
    expect(await at(page)).toBe('2 front');
  });

  test('a card already turned is shown from its front when the presentation reaches it', async ({ page }) => {
    await mount(page, { card: 2 });
    await page.evaluate(() => (window as any).handle.flip());
    await page.evaluate(() => (window as any).handle.goTo(1));
    await widget(page, host).button('Trình chiếu').click();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    expect(await at(page)).toBe('2 front');
  });

  test('while presenting, the keys it takes never reach the page; before and after, the page gets them', async ({ page }) => {
    await mount(page);
    await page.evaluate(() => {
      (window as any).heard = [];
      const hear = (event: KeyboardEvent) => (window as any).heard.push(event.key);
      document.addEventListener('keydown', hear);
      window.addEventListener('keydown', hear);
    });
    const present = widget(page, host).button('Trình chiếu');
    await present.focus();
    await page.keyboard.press('a');
    await present.click();
    await expect.poll(() => fullscreenIs(page)).toBe('host');
    for (const key of ['PageDown', 'PageUp', 'Space', 'Backspace', 'Home', 'End', 'ArrowRight', 'Enter']) await page.keyboard.press(key);
    await page.keyboard.press('Escape');
    await expect.poll(() => fullscreenIs(page)).toBe(null);
    await page.keyboard.press('b');
    const heard = await page.evaluate(() => (window as any).heard as string[]);
    expect(heard.filter((key) => key !== 'Escape')).toEqual(['a', 'a', 'b', 'b']);
  });

  test('handle.present() enters and leaves; Present twice stacks nothing; the event fires once each way', async ({ page }) => {
    await mount(page, { view: 'grid', card: 6 });
    await page.evaluate(() => (window as any).handle.present());
    await expect.poll(() => fullscreenIs(page)).toBe('host');
    // The card alone: the deck, at the card the grid was at.
    await expect(widget(page, host).root).toHaveAttribute('data-view', 'deck');
    expect(await at(page)).toBe('6 front');
    await page.keyboard.press('PageDown');
    await page.evaluate(() => (window as any).handle.present());
    await expect.poll(() => fullscreenIs(page)).toBe(null);
    await expect(widget(page, host).root).toHaveAttribute('data-view', 'grid');
    await expect(mountOf(page)).not.toHaveClass(/cds17-presenting/);
    expect(await events(page)).toEqual([true, false]);

    // The button twice: in, then out; one overlay at most, none left.
    const present = widget(page, host).button('Trình chiếu');
    await present.click();
    await expect.poll(() => fullscreenIs(page)).toBe('host');
    await present.click();
    await expect.poll(() => fullscreenIs(page)).toBe(null);
    expect(await overlaid(page)).toBe(false);
    await expect(mountOf(page)).not.toHaveClass(/cds17-presenting/);
    expect(await events(page)).toEqual([true, false, true, false]);
  });

  test('leaving fullscreen the browser’s way leaves presenter mode; destroy() leaves it too', async ({ page }) => {
    await mount(page);
    await page.evaluate(() => (window as any).handle.present());
    await expect.poll(() => fullscreenIs(page)).toBe('host');
    await page.evaluate(() => document.exitFullscreen());
    await expect(mountOf(page)).not.toHaveClass(/cds17-presenting/);
    expect(await events(page)).toEqual([true, false]);

    await page.evaluate(() => (window as any).handle.present());
    await expect.poll(() => fullscreenIs(page)).toBe('host');
    await page.evaluate(() => (window as any).handle.destroy());
    await expect.poll(() => fullscreenIs(page)).toBe(null);
    expect(await events(page)).toEqual([true, false, true, false]);
    const refused = await page.evaluate(() => (window as any).handle.present().then(() => 'resolved', (error: Error) => error.message));
    expect(refused).toBe('cds17: present() on a widget that was destroyed');
  });

  for (const side of ['front', 'back'] as const) {
    test(`axe finds nothing in presenter mode, on the card's ${side}`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await mount(page, { card: 5 });
      await page.evaluate(() => (window as any).handle.present());
      await expect.poll(() => fullscreenIs(page)).toBe('host');
      if (side === 'back') await page.keyboard.press('PageDown');
      await page.waitForTimeout(700);
      await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
      const found = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document.getElementById('host'), {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          resultTypes: ['violations', 'incomplete'],
        });
        return [
          ...result.violations.map((item: any) => item.id),
          ...result.incomplete.filter((item: any) => item.id === 'color-contrast').map((item: any) => `unsure: ${item.id}`),
        ];
      });
      expect(found).toEqual([]);
    });
  }

  test('the card’s text is at least 4% of the screen’s height at 1920×1080', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await mount(page);
    await page.evaluate(() => (window as any).handle.present());
    await expect(mountOf(page)).toHaveClass(/cds17-presenting/);
    const size = await page
      .locator(`${host} .cds17-slot[data-shown="true"] .cds17-face-before .cds17-text`)
      .evaluate((text) => parseFloat(getComputedStyle(text).fontSize));
    expect(size).toBeGreaterThanOrEqual(0.04 * 1080);
  });

  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    for (const lang of ['vi', 'en'] as const) {
      test(`at ${width}×${height} in ${lang}, every side of every card fits the screen without scrolling`, async ({ page }) => {
        await refuseFullscreen(page);
        await page.setViewportSize({ width, height });
        await mount(page, { lang });
        await page.evaluate(() => (window as any).handle.present());
        await expect.poll(() => overlaid(page)).toBe(true);
        const overflowing = await page.evaluate(async () => {
          const shadow = document.getElementById('host')!.shadowRoot!;
          const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          const found: string[] = [];
          for (let card = 1; card <= 17; card++) {
            (window as any).handle.goTo(card);
            await frame();
            for (const side of ['before', 'after']) {
              const face = shadow.querySelector(`.cds17-card[data-card="${card}"] .cds17-face-${side}`) as HTMLElement;
              const text = face.querySelector('.cds17-text')!.getBoundingClientRect();
              if (face.scrollHeight > face.clientHeight + 1 || text.bottom > innerHeight || text.right > innerWidth) {
                found.push(`${card} ${side}`);
              }
            }
          }
          const mount = shadow.querySelector('.cds17-mount') as HTMLElement;
          if (mount.scrollHeight > mount.clientHeight + 1) found.push('the screen scrolls');
          return found;
        });
        expect(overflowing).toEqual([]);
      });
    }
  }

  test('a press on Present before the wasm is up is kept, and done once', async ({ page }) => {
    const release = await holdBack(page, '**/*.wasm');
    await page.goto(hostPage('api'));
    await page.evaluate(() => {
      (window as any).presenting = [];
      document.getElementById('host')!.addEventListener('cds17:present', (event) => (window as any).presenting.push((event as CustomEvent).detail.active));
      (window as any).CDS17.mount(document.getElementById('host'), { deeplink: 'off' });
    });
    await expect(page.locator(`${host} .cds17-root[aria-busy="true"] .cds17-tools button`)).toBeVisible();
    await page.locator(`${host} .cds17-tools button`).click();
    release();
    await ready(page, host);
    await expect(mountOf(page)).toHaveClass(/cds17-presenting/);
    await page.waitForTimeout(300);
    expect(await events(page)).toEqual([true]);
  });

  for (const name of ['csp-strict', 'trusted-types']) {
    test(`on a page with ${name === 'csp-strict' ? 'a strict CSP' : 'Trusted Types enforced'}, it presents with no violation`, async ({ page }) => {
      await page.goto(hostPage(name));
      await ready(page, '#widget');
      await widget(page, '#widget').button('Trình chiếu').click();
      await expect.poll(() => fullscreenIs(page)).toBe('widget');
      await expect(mountOf(page, '#widget')).toHaveClass(/cds17-presenting/);
      await expect(page.locator('#widget .cds17-slot[data-shown="true"] .cds17-face-before .cds17-text')).toHaveCSS('line-height', /px$/);
      await page.keyboard.press('PageDown');
      expect(await at(page, '#widget')).toBe('1 back');
      expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
    });
  }
});

test.describe('presenter mode without its stylesheet', () => {
  test.use({ expectedProblems: /Failed to load resource/ });

  test('a stylesheet that cannot be fetched leaves the widget as it was, with one warning, and a later press tries again', async ({ page, warnings }) => {
    await page.route('**/cds17.present.*.css', (route) => route.abort('failed'));
    await mount(page);
    const present = widget(page, host).button('Trình chiếu');
    await present.click();
    await expect.poll(() => warnings.filter((warning) => warning.startsWith('cds17:'))).toEqual([
      expect.stringContaining('cds17: presenter mode could not be loaded.'),
    ]);
    await expect(mountOf(page)).not.toHaveClass(/cds17-presenting/);
    await expect(present).toHaveAttribute('aria-pressed', 'false');
    expect(await events(page)).toEqual([]);

    await page.unroute('**/cds17.present.*.css');
    await present.click();
    await expect.poll(() => fullscreenIs(page)).toBe('host');
    expect(await events(page)).toEqual([true]);
  });
});

test.describe('presenter mode in an iframe', () => {
  test('the embed builder’s frame (allow="fullscreen") fills the screen from inside; a frame without it shows the overlay', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(hostPage('iframe-present'));
    const frameOf = (id: string) => page.frame({ url: (url) => url.pathname.endsWith('/embed.html') && url.search.includes(id === 'allowed' ? 'card=2' : 'card=3') })!;
    for (const id of ['allowed', 'refused']) {
      await expect(page.frameLocator(`#${id}`).locator('.cds17-root:not(.cds17-pending):not([aria-busy])')).toBeVisible();
    }
    const allowed = frameOf('allowed');
    await page.frameLocator('#allowed').locator('.cds17-tools button').click();
    await expect.poll(() => fullscreenIs(allowed)).not.toBe(null);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('allowed');
    await page.keyboard.press('Escape');
    await expect.poll(() => fullscreenIs(allowed)).toBe(null);

    const refused = frameOf('refused');
    await page.frameLocator('#refused').locator('.cds17-tools button').click();
    await expect.poll(() => overlaid(refused, '[data-cds17]')).toBe(true);
    expect(await fullscreenIs(refused)).toBe(null);
  });
});

test('the embed builder’s iframe snippet lets the frame fill the screen', async ({ page }) => {
  await page.goto(`${WIDGET_BASE}/`);
  await expect(page.locator('#snippet-b')).toContainText('allow="fullscreen"');
});
