import { test, expect, hostPage, widget, ready, painted, holdBack, WIDGET_BASE } from './fixtures';
import type { Page } from '@playwright/test';

/** The placeholder shows its own content, and no widget. */
async function expectFallback(page: Page, host = '#widget') {
  await expect(page.locator(`${host} .fallback`)).toBeVisible();
  await expect(page.locator(`${host} .cds17-root`)).toHaveCount(0);
}

/** The loader has given up, and said so once. */
async function expectGaveUp(warnings: string[]) {
  await expect.poll(() => warnings.filter((w) => w.includes('cds17: the widget could not start')).length).toBe(1);
}

test.describe('faults degrade to the fallback', () => {
  test.describe('the wasm is missing', () => {
    // With an integrity hash, the 404 page's body fails the check first.
    test.use({ expectedProblems: /Failed to load resource: the server responded with a status of 404|Failed to find a valid digest in the 'integrity' attribute|SRI's integrity checks failed/ });

    test('a placeholder keeps its content', async ({ page, warnings }) => {
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(hostPage('options'));
      await expectGaveUp(warnings);
      await expectFallback(page);
    });

    test('an empty placeholder gets a link to the full explainer', async ({ page, warnings }) => {
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(hostPage('one-tag'));
      await expectGaveUp(warnings);
      const link = page.locator('[data-cds17] a[data-cds17-fallback]');
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', `${WIDGET_BASE}/`);
      await expect(link).toHaveText('Xem 17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số');
    });
  });

  test.describe('the wasm fails after the first paint', () => {
    test.use({ expectedProblems: /Failed to load resource: the server responded with a status of 404|Failed to find a valid digest in the 'integrity' attribute|SRI's integrity checks failed/ });

    // The painted view would be one card of 17 and controls that never
    // act; the placeholder's own content is all 17 points (or a link).
    test('the painted view gives way to the placeholder’s content: no dead control stays', async ({ page, warnings }) => {
      const fail = await holdBack(page, '**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(hostPage('options'));
      await painted(page, '#widget');
      // A visitor presses a painted control meanwhile.
      await widget(page, '#widget').next.click();
      fail();
      await expectGaveUp(warnings);
      await expectFallback(page);
      const left = await page.evaluate(() => {
        const shadow = document.getElementById('widget')!.shadowRoot!;
        return { buttons: shadow.querySelectorAll('button').length, slots: shadow.querySelectorAll('slot').length };
      });
      expect(left).toEqual({ buttons: 0, slots: 1 });
    });
  });

  test.describe('the wasm is blocked', () => {
    test.use({ expectedProblems: /Failed to load resource: net::ERR_(FAILED|BLOCKED_BY_CLIENT)/ });

    test('the fallback stays', async ({ page, warnings }) => {
      await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
      await page.goto(hostPage('options'));
      await expectGaveUp(warnings);
      await expectFallback(page);
    });
  });

  test('the wasm served with the wrong MIME type still works, without streaming', async ({ page, warnings }) => {
    await page.route('**/*.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await page.goto(hostPage('options'));
    await ready(page, '#widget');
    await expect(widget(page, '#widget').card()).toHaveAttribute('data-card', '5');
    expect(warnings.some((w) => w.includes('application/wasm'))).toBe(true);
  });

  test.describe('the wasm fails its integrity check', () => {
    test.use({ expectedProblems: /Failed to find a valid digest in the 'integrity' attribute|SRI's integrity checks failed/ });

    test('the fallback stays', async ({ page, warnings }) => {
      await page.route('**/*.wasm', async (route) => {
        const response = await route.fetch();
        const body = Buffer.from(await response.body());
        body[body.length - 1] ^= 0xff;
        await route.fulfill({ response, body });
      });
      await page.goto(hostPage('options'));
      await expectGaveUp(warnings);
      await expectFallback(page);
    });
  });

  test('a browser without WebAssembly keeps the fallback', async ({ page, warnings }) => {
    await page.addInitScript(() => {
      delete (window as any).WebAssembly;
    });
    await page.goto(hostPage('options'));
    await expectGaveUp(warnings);
    await expectFallback(page);
    // window.CDS17 is there all the same, and calls on it fail softly.
    const outcome = await page.evaluate(async () => {
      const api = (window as any).CDS17;
      const mounted = await api.mount(document.getElementById('grid')).then(
        () => 'mounted',
        () => 'rejected',
      );
      await api.unmount(document.getElementById('grid'));
      api.scan();
      return mounted;
    });
    expect(outcome).toBe('rejected');
  });

  test.describe('the host’s CSP lacks wasm-unsafe-eval', () => {
    test.use({ expectedProblems: /Refused to compile or instantiate WebAssembly module|wasm-unsafe-eval/ });

    test('the fallback stays', async ({ page, warnings }) => {
      await page.goto(hostPage('csp-no-wasm'));
      await expectGaveUp(warnings);
      await expectFallback(page);
    });
  });

  test.describe('the host page throws its own errors, before and after our script', () => {
    test.use({
      expectedProblems:
        /the host page fails before the widget|the host page leaves a promise rejected|undefinedFunctionOfTheHost is not defined/,
    });

    test('the widget works all the same', async ({ page, pageProblems }) => {
      await page.goto(hostPage('host-throws'));
      await ready(page, '#widget');
      const w = widget(page, '#widget');
      await w.card().click();
      await expect(w.card()).toHaveAttribute('data-flipped', 'true');
      // The host's three errors, and nothing of ours.
      expect(pageProblems).toHaveLength(3);
    });
  });

  test.describe('a placeholder that cannot hold a shadow root', () => {
    test('is left as it is, with one warning', async ({ page, warnings }) => {
      await page.goto(hostPage('api'));
      await page.evaluate(() => {
        const image = document.createElement('img');
        image.alt = 'Chuyển đổi số';
        image.setAttribute('data-cds17', '');
        document.body.append(image);
      });
      await expect.poll(() => warnings.filter((w) => w.includes('this placeholder keeps its own content')).length).toBe(1);
      // The next placeholder still works.
      await page.evaluate(() => {
        const element = document.createElement('div');
        element.id = 'after';
        element.setAttribute('data-cds17', '');
        document.body.append(element);
      });
      await ready(page, '#after');
    });
  });
});

test.describe('strict CSP', () => {
  test('the documented policy renders the widget with no violation', async ({ page }) => {
    await page.goto(hostPage('csp-strict'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    await w.card().click();
    await w.next.click();
    await expect(w.card()).toHaveAttribute('data-card', '2');
    await expect(w.root).toHaveCSS('background-color', 'rgb(241, 244, 248)');
    expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  });

  test('a page that enforces Trusted Types renders it too, with no violation', async ({ page }) => {
    await page.goto(hostPage('trusted-types'));
    await ready(page, '#widget');
    const w = widget(page, '#widget');
    await w.card().click();
    await expect(w.card()).toHaveAttribute('data-flipped', 'true');
    await w.button('Tất cả').click();
    await w.button('English').click();
    await expect(page.locator('#widget .cds17-flip svg path').first()).toHaveAttribute('d', /^M4 12/);
    expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  });
});
