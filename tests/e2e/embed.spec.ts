import { test, expect, hostPage, widget, ready, WIDGET_BASE, HOST_ORIGIN } from './fixtures';

test.describe('embedding', () => {
  test('one tag renders the widget where the tag stands', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const order = await page.evaluate(() => {
      const placeholder = document.querySelector('[data-cds17]');
      const before = document.getElementById('before');
      const after = document.getElementById('after');
      return {
        afterBefore: !!(before!.compareDocumentPosition(placeholder!) & Node.DOCUMENT_POSITION_FOLLOWING),
        beforeAfter: !!(placeholder!.compareDocumentPosition(after!) & Node.DOCUMENT_POSITION_FOLLOWING),
        count: document.querySelectorAll('[data-cds17]').length,
        shadowMode: placeholder!.shadowRoot?.mode,
      };
    });
    expect(order).toEqual({ afterBefore: true, beforeAfter: true, count: 1, shadowMode: 'open' });
    const w = widget(page);
    await expect(page.locator('[data-cds17] .cds17-card')).toHaveCount(17);
    await expect(w.card()).toHaveAttribute('data-card', '1');
    await expect(w.card().locator('.cds17-face-before .cds17-side')).toHaveText('Ứng dụng CNTT');
    await expect(w.count).toHaveText('Thẻ 1/17');
  });

  test('the placeholder form takes its options from data attributes', async ({ page }) => {
    await page.goto(hostPage('options'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    await expect(w.root).toHaveAttribute('lang', 'en');
    await expect(w.root).toHaveAttribute('data-theme', 'dark');
    await expect(w.root).toHaveAttribute('data-view', 'deck');
    await expect(w.card()).toHaveAttribute('data-card', '5');
    await expect(w.card().locator('.cds17-face-before .cds17-side')).toHaveText('Applying IT');
    await expect(w.count).toHaveText('Card 5/17');
    // The second placeholder shows all 17 cards at once.
    const grid = widget(page, '#grid');
    await expect(grid.root).toHaveAttribute('data-view', 'grid');
    await expect(page.locator('#grid .cds17-slot[data-shown="true"] .cds17-card')).toHaveCount(17);
    // The fallback stays in the light DOM, for no-JS readers and search engines.
    await expect(page.locator('#widget > .fallback')).toHaveCount(1);
    await expect(page.locator('#widget > .fallback')).toBeHidden();
  });

  test('the wasm is fetched from the loader’s own origin', async ({ page }) => {
    const wasm: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasm.push(request.url());
    });
    await page.goto(hostPage('one-tag'));
    await ready(page);
    expect(new URL(WIDGET_BASE).origin).not.toEqual(new URL(HOST_ORIGIN).origin);
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(new RegExp(`^${WIDGET_BASE}/cds17\\.[0-9a-f]{10}\\.wasm$`));
  });

  test('the script included twice gives one widget per placeholder', async ({ page }) => {
    await page.goto(hostPage('twice'));
    await ready(page);
    await page.waitForLoadState('load');
    const counts = await page.evaluate(() => ({
      placeholders: document.querySelectorAll('[data-cds17]').length,
      roots: document.querySelector('#widget')!.shadowRoot!.querySelectorAll('.cds17-root').length,
    }));
    expect(counts).toEqual({ placeholders: 1, roots: 1 });
  });

  test('one tag pasted twice still gives one widget', async ({ page }) => {
    await page.goto(hostPage('one-tag-twice'));
    await ready(page);
    await page.waitForLoadState('load');
    expect(await page.locator('[data-cds17]').count()).toBe(1);
    expect(await page.locator('[data-cds17] .cds17-root').count()).toBe(1);
  });

  test('two widgets on one page work independently', async ({ page }) => {
    await page.goto(hostPage('two'));
    await ready(page, '#first');
    await ready(page, '#second');
    const first = widget(page, '#first');
    const second = widget(page, '#second');
    await first.next.click();
    await first.next.click();
    await second.card().click();
    await expect(first.card()).toHaveAttribute('data-card', '3');
    await expect(first.card()).toHaveAttribute('data-flipped', 'false');
    await expect(second.card()).toHaveAttribute('data-card', '1');
    await expect(second.card()).toHaveAttribute('data-flipped', 'true');
    await expect(second.root).toHaveAttribute('lang', 'en');
    await expect(first.root).toHaveAttribute('lang', 'vi');
    // Only the first widget on a page writes the deep link.
    await second.next.click();
    expect(new URL(page.url()).hash).toBe('#cds17-3');
  });
});

/** Computed styles of every element in the widget, for comparison. */
async function widgetStyles(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const properties = [
      'font-size', 'font-family', 'font-weight', 'font-style', 'color', 'background-color',
      'line-height', 'letter-spacing', 'word-spacing', 'text-align', 'text-transform', 'text-indent',
      'box-sizing', 'display', 'visibility', 'margin-top', 'margin-left', 'padding-top', 'padding-left',
      'border-top-width', 'border-top-style', 'width', 'height', 'white-space', 'cursor',
    ];
    const shadow = document.querySelector('#widget')!.shadowRoot!;
    return [...shadow.querySelectorAll('*')].map((element) => {
      const style = getComputedStyle(element);
      const name = `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`;
      return [name, ...properties.map((property) => `${property}: ${style.getPropertyValue(property)}`)];
    });
  });
}

test.describe('hostile host CSS', () => {
  test('changes nothing in the widget, whose base size stays at 14px or more', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(hostPage('calm'));
    await ready(page, '#widget');
    const calm = await widgetStyles(page);
    await page.goto(hostPage('hostile'));
    await ready(page, '#widget');
    const hostile = await widgetStyles(page);
    // `body { font: 13px serif }`: the widget keeps its 14px floor, which is
    // also the calm page's size, so every computed style must be the same.
    await expect(page.locator('#widget .cds17-root')).toHaveCSS('font-size', '14px');
    expect(hostile.length).toBeGreaterThan(300);
    expect(hostile).toEqual(calm);
    const root = page.locator('#widget .cds17-root');
    await expect(root).toHaveCSS('letter-spacing', 'normal');
    await expect(root).toHaveCSS('text-align', 'start');
    await expect(root).not.toHaveCSS('color', 'rgb(255, 0, 0)');
  });

  test('the widget’s CSS does not reach the host page', async ({ page }) => {
    await page.goto(hostPage('hostile'));
    const before = await page.evaluate(() => {
      const button = getComputedStyle(document.getElementById('host-button')!);
      const text = getComputedStyle(document.getElementById('host-text')!);
      return [button.display, button.backgroundColor, button.fontSize, text.color, text.fontFamily, text.textAlign];
    });
    await ready(page, '#widget');
    const after = await page.evaluate(() => {
      const button = getComputedStyle(document.getElementById('host-button')!);
      const text = getComputedStyle(document.getElementById('host-text')!);
      return [button.display, button.backgroundColor, button.fontSize, text.color, text.fontFamily, text.textAlign];
    });
    expect(after).toEqual(before);
    const styleSheets = await page.evaluate(() => document.styleSheets.length + document.adoptedStyleSheets.length);
    expect(styleSheets).toBe(1);
  });

  test('the base size follows the page when it is larger (A+)', async ({ page }) => {
    await page.goto(hostPage('big-text'));
    await ready(page, '#widget');
    const sizes = await page.evaluate(() => {
      const shadow = document.querySelector('#widget')!.shadowRoot!;
      return {
        root: getComputedStyle(shadow.querySelector('.cds17-root')!).fontSize,
        title: parseFloat(getComputedStyle(shadow.querySelector('.cds17-title')!).fontSize),
      };
    });
    expect(sizes.root).toBe('20px');
    expect(sizes.title).toBeGreaterThan(20);
    // The portal's A+ button: change the page's size, the widget follows.
    await page.evaluate(() => (document.body.style.fontSize = '24px'));
    await expect(page.locator('#widget .cds17-root')).toHaveCSS('font-size', '24px');
  });

  test('a rule on the placeholder sizes the widget, up and down, never below 14 px', async ({ page }) => {
    await page.goto(hostPage('api'));
    const sizes = await page.evaluate(async () => {
      const api = (window as any).CDS17;
      const style = document.createElement('style');
      style.textContent = '.portal-box [data-cds17] { font-size: 24px }';
      document.head.append(style);
      const sizeWith = async (setUp: (element: HTMLElement, box: HTMLElement) => void) => {
        const box = document.createElement('div');
        box.className = 'portal-box';
        const element = document.createElement('div');
        element.setAttribute('data-cds17', '');
        element.setAttribute('data-deeplink', 'off');
        box.append(element);
        setUp(element, box);
        document.body.append(box);
        await api.mount(element);
        const size = getComputedStyle(element.shadowRoot!.querySelector('.cds17-root')!).fontSize;
        box.remove();
        return size;
      };
      return {
        inline32: await sizeWith((element) => element.style.setProperty('font-size', '32px')),
        inline10: await sizeWith((element) => element.style.setProperty('font-size', '10px')),
        pageRule: await sizeWith(() => {}),
        // No rule on the placeholder: it takes its parent's size, floored.
        parentTiny: await sizeWith((_, box) => {
          box.className = 'plain';
          box.style.setProperty('font-size', '9px');
        }),
      };
    });
    expect(sizes).toEqual({ inline32: '32px', inline10: '14px', pageRule: '24px', parentTiny: '14px' });
  });
});
