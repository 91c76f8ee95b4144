import { test, expect, hostPage, widget, ready, painted, holdBack } from './fixtures';

type Recorded = { type: string; target: string; detail: Record<string, unknown> };
const events = (page: import('@playwright/test').Page) => page.evaluate(() => (window as any).events as Recorded[]);

test.describe('window.CDS17', () => {
  test('exists before the wasm arrives, and calls made then wait for it', async ({ page }) => {
    const releaseWasm = await holdBack(page, '**/*.wasm');
    await page.goto(hostPage('api'));
    const early = await page.evaluate(() => {
      const api = (window as any).CDS17;
      (window as any).pending = api.mount(document.getElementById('host'), { card: 4 });
      return { version: api.version, kinds: [typeof api.mount, typeof api.scan, typeof api.unmount] };
    });
    expect(early.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(early.kinds).toEqual(['function', 'function', 'function']);
    // Until the wasm arrives: the loader's first paint of the widget, busy.
    await painted(page, '#host');
    await expect(widget(page, '#host').card()).toHaveAttribute('data-card', '4');
    expect(await page.locator('#host .cds17-root[aria-busy="true"]').count()).toBe(1);
    releaseWasm();
    await page.evaluate(() => (window as any).pending);
    await expect(widget(page, '#host').card()).toHaveAttribute('data-card', '4');
  });

  test('mount and unmount given something that is not an element: a rejected promise, a resolved one, nothing thrown', async ({
    page,
  }) => {
    await page.goto(hostPage('api'));
    await page.waitForFunction(() => (window as any).CDS17);
    const outcomes = await page.evaluate(async () => {
      const api = (window as any).CDS17;
      const settle = (call: () => Promise<unknown>) => {
        try {
          return call().then(
            () => 'resolved',
            (error: Error) => `rejected: ${error.message}`,
          );
        } catch (error) {
          return Promise.resolve(`threw: ${(error as Error).message}`);
        }
      };
      return [
        await settle(() => api.mount(null)),
        await settle(() => api.mount('#host')),
        await settle(() => api.unmount(null)),
        await settle(() => api.unmount({})),
      ];
    });
    expect(outcomes).toEqual([
      'rejected: cds17: CDS17.mount() takes an element',
      'rejected: cds17: CDS17.mount() takes an element',
      'resolved',
      'resolved',
    ]);
  });

  test('a handle drives the widget, and the three events report it', async ({ page }) => {
    await page.goto(hostPage('api'));
    await page.evaluate(async () => {
      (window as any).handle = await (window as any).CDS17.mount(document.getElementById('host'), {
        lang: 'en',
        card: '3',
        deeplink: false,
      });
    });
    const w = widget(page, '#host');
    await expect(w.card()).toHaveAttribute('data-card', '3');
    await expect(w.root).toHaveAttribute('lang', 'en');
    expect(await events(page)).toEqual([
      { type: 'cds17:ready', target: 'host', detail: { version: expect.any(String), lang: 'en', card: 3 } },
    ]);

    await page.evaluate(() => (window as any).handle.next());
    await expect(w.card()).toHaveAttribute('data-card', '4');
    await page.evaluate(() => (window as any).handle.prev());
    await page.evaluate(() => (window as any).handle.goTo(9));
    await expect(w.card()).toHaveAttribute('data-card', '9');
    await page.evaluate(() => (window as any).handle.flip());
    await expect(w.card(9)).toHaveAttribute('data-flipped', 'true');
    await page.evaluate(() => (window as any).handle.setLang('vi'));
    await expect(w.root).toHaveAttribute('lang', 'vi');
    await w.card(9).click();

    await expect.poll(async () => (await events(page)).length).toBe(6);
    expect((await events(page)).slice(1)).toEqual([
      { type: 'cds17:change', target: 'host', detail: { card: 4 } },
      { type: 'cds17:change', target: 'host', detail: { card: 3 } },
      { type: 'cds17:change', target: 'host', detail: { card: 9 } },
      { type: 'cds17:flip', target: 'host', detail: { card: 9, side: 'after' } },
      { type: 'cds17:flip', target: 'host', detail: { card: 9, side: 'before' } },
    ]);
    // The handle's deeplink: false kept the URL alone.
    expect(new URL(page.url()).hash).toBe('');
  });

  test('events bubble and cross the shadow boundary', async ({ page }) => {
    await page.goto(hostPage('api'));
    const seen = await page.evaluate(async () => {
      const host = document.getElementById('host')!;
      const ready = new Promise<{ bubbles: boolean; composed: boolean }>((resolve) =>
        document.body.addEventListener('cds17:ready', (event) => resolve({ bubbles: event.bubbles, composed: event.composed }), {
          once: true,
        }),
      );
      await (window as any).CDS17.mount(host);
      return ready;
    });
    expect(seen).toEqual({ bubbles: true, composed: true });
  });

  test('mount on a mounted element gives the same widget; destroy is safe twice', async ({ page }) => {
    await page.goto(hostPage('api'));
    const result = await page.evaluate(async () => {
      const api = (window as any).CDS17;
      const host = document.getElementById('host')!;
      host.innerHTML = '<p class="fallback">Fallback</p>';
      const first = await api.mount(host);
      const second = await api.mount(host);
      first.goTo(5);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const roots = host.shadowRoot!.querySelectorAll('.cds17-root').length;
      const shownAfterSecond = host.shadowRoot!.querySelector('.cds17-slot[data-shown="true"] .cds17-card')!.getAttribute('data-card');
      first.destroy();
      first.destroy();
      second.destroy();
      second.next();
      const afterDestroy = host.shadowRoot!.querySelectorAll('.cds17-root').length;
      const fallbackShown = (host.querySelector('.fallback') as HTMLElement).offsetHeight > 0;
      const again = await api.mount(host);
      const remounted = host.shadowRoot!.querySelectorAll('.cds17-root').length;
      again.destroy();
      return { roots, shownAfterSecond, afterDestroy, fallbackShown, remounted };
    });
    expect(result).toEqual({ roots: 1, shownAfterSecond: '5', afterDestroy: 0, fallbackShown: true, remounted: 1 });
  });

  test('CDS17.unmount and removing the placeholder both unmount', async ({ page }) => {
    await page.goto(hostPage('api'));
    await page.evaluate(async () => {
      const api = (window as any).CDS17;
      for (const id of ['a', 'b']) {
        const element = document.createElement('div');
        element.id = id;
        element.setAttribute('data-cds17', '');
        document.body.append(element);
      }
      api.scan();
    });
    await ready(page, '#a');
    await ready(page, '#b');
    await page.evaluate(() => (window as any).CDS17.unmount(document.getElementById('a')));
    await expect(page.locator('#a .cds17-root')).toHaveCount(0);
    // The page removes the placeholder: the widget leaves nothing behind.
    const detached = await page.evaluateHandle(() => {
      const b = document.getElementById('b')!;
      b.remove();
      return b;
    });
    await expect.poll(() => detached.evaluate((b: Element) => b.shadowRoot!.querySelectorAll('.cds17-root').length)).toBe(0);
  });

  test('placeholders added later are found on their own', async ({ page }) => {
    await page.goto(hostPage('api'));
    await page.evaluate(() => {
      const later = document.createElement('section');
      later.innerHTML = '<div id="later" data-cds17 data-card="6"></div>';
      document.body.append(later);
    });
    await expect(widget(page, '#later').card()).toHaveAttribute('data-card', '6');
  });

  test('CDS17.scan mounts placeholders the page’s observer cannot see, such as those in a shadow root of the host’s', async ({ page }) => {
    await page.goto(hostPage('api'));
    const mounted = await page.evaluate(async () => {
      // A web component of the host page, with a placeholder in its own
      // shadow root: out of reach of the loader's MutationObserver.
      const component = document.createElement('div');
      document.body.append(component);
      const inner = component.attachShadow({ mode: 'open' });
      inner.innerHTML = '<div id="inner" data-cds17 data-card="9"></div>';
      await new Promise((done) => setTimeout(done, 300));
      const before = !!inner.getElementById('inner')!.shadowRoot?.querySelector('.cds17-card');
      (window as any).CDS17.scan(inner);
      const placeholder = inner.getElementById('inner')!;
      await new Promise<void>((done) => placeholder.addEventListener('cds17:ready', () => done(), { once: true }));
      return { before, card: placeholder.shadowRoot!.querySelector('.cds17-slot[data-shown="true"] .cds17-card')!.getAttribute('data-card') };
    });
    expect(mounted).toEqual({ before: false, card: '9' });
  });
});
