import fs from 'node:fs';
import { test, expect, hostPage, widget, ready, painted, pictureDistance, holdBack } from './fixtures';
import type { Page } from '@playwright/test';

// The loader paints the widget the moment it runs, from the markup the
// component rendered at build time (xtask/src/paint.rs); the wasm hydrates
// that very view. What the visitor does in between is kept and done once.

/** Holds the wasm back until the returned function is called. */
const holdWasm = (page: Page) => holdBack(page, '**/*.wasm');

/** Each state the build rendered, by "lang view card": its markup. */
function prerendered(): Map<string, string> {
  const lines = fs.readFileSync('target/cds17-dist/prerender.txt', 'utf8').trim().split('\n');
  const states = new Map<string, string>();
  for (const line of lines) {
    const [state, html] = line.split('\t');
    const [lang, view, card, theme] = state.split(' ');
    if (theme === 'light') states.set(`${lang} ${view} ${card}`, html);
  }
  return states;
}

/** A node as data, attributes sorted, leaving out what the loader adds for its own reasons. */
const CANONICAL = `(function canonical(node, skip) {
  if (node.nodeType === 3) return ['#text', node.data];
  if (node.nodeType === 8) return ['#comment', node.data];
  const attributes = [...node.attributes]
    .filter((a) => !skip.includes(a.name))
    .map((a) => [a.name, a.value])
    .sort();
  return [node.namespaceURI, node.localName, attributes, [...node.childNodes].map((child) => canonical(child, skip))];
})`;

test.describe('the first paint', () => {
  test('is the component’s own markup, in every language, view and first card', async ({ page }) => {
    await holdWasm(page);
    await page.goto(hostPage('api'));
    const states = prerendered();
    expect(states.size).toBe(2 * 2 * 17);
    const differences = await page.evaluate(
      async ({ states, canonical }) => {
        const canonicalOf = new Function(`return ${canonical}`)();
        const api = (window as any).CDS17;
        const found: string[] = [];
        for (const [state, html] of states) {
          const [lang, view, card] = state.split(' ');
          const element = document.createElement('div');
          element.setAttribute('data-lang', lang);
          element.setAttribute('data-view', view);
          element.setAttribute('data-card', card);
          element.setAttribute('data-deeplink', 'off');
          document.body.append(element);
          api.mount(element);
          if (lang === 'en') await new Promise((done) => setTimeout(done, 0));
          // English paints once its words are here.
          for (let i = 0; i < 100 && !element.shadowRoot!.querySelector('[aria-busy]'); i++) {
            await new Promise((done) => setTimeout(done, 20));
          }
          // The cards not in view are filled from a task after the first frame.
          await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
          for (let i = 0; i < 100 && element.shadowRoot!.querySelector('.cds17-slot:not(:has(.cds17-text))'); i++) {
            await new Promise((done) => setTimeout(done, 0));
          }
          const ours = element.shadowRoot!.querySelector('.cds17-mount')!.firstChild!;
          const parsed = new DOMParser().parseFromString(`<body><div>${html}</div></body>`, 'text/html').body.firstChild!.firstChild!;
          const a = JSON.stringify(canonicalOf(ours, ['aria-busy']));
          const b = JSON.stringify(canonicalOf(parsed, []));
          if (a !== b) found.push(state);
          element.remove();
        }
        return found;
      },
      { states: [...states], canonical: CANONICAL },
    );
    expect(differences).toEqual([]);
  });

  test('builds the card in view in its first task, and the cards not in view from a task after its first frame, a few at a time', async ({ page }) => {
    await holdWasm(page);
    await page.goto(hostPage('api'));
    const built = await page.evaluate(async () => {
      const element = document.createElement('div');
      element.setAttribute('data-card', '5');
      element.setAttribute('data-deeplink', 'off');
      document.body.append(element);
      (window as any).CDS17.mount(element);
      const count = () =>
        [...element.shadowRoot!.querySelectorAll('.cds17-slot')].map((slot) => (slot.querySelector('.cds17-text') ? 1 : 0)).join('');
      const first = count();
      // A slow phone's clock: 10 ms pass for each card filled.
      const now = performance.now;
      let clock = 0;
      performance.now = () => (clock += 10);
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      const second = count();
      performance.now = now;
      const filled = [second];
      for (let i = 0; i < 100 && filled[filled.length - 1].includes('0'); i++) {
        await new Promise((done) => setTimeout(done, 0));
        filled.push(count());
      }
      return [first, second, filled[filled.length - 1]];
    });
    // Card 5 is there at once; of the others, only card 1 may be (the
    // encoding paints it apart from the 16 it repeats).
    expect(built[0][4]).toBe('1');
    expect(built[0].replace(/^1/, '0').split('1').length - 1).toBe(1);
    // A task after the first frame fills some, not all; then the rest come.
    expect(built[1].split('1').length - 1).toBe(built[0].split('1').length - 1 + 3);
    expect(built[2]).toBe('11111111111111111');
  });

  test('starts the wasm, builds the stylesheet and paints each in a task of its own, after the script’s own run', async ({ page }) => {
    // Each thing the loader does, with the callback it was done in: a
    // microtask checkpoint comes after every task's callback, so two things
    // done in one task share a number.
    await page.addInitScript(() => {
      const log: [string, number][] = ((window as any).__loaderLog = []);
      let task = 0;
      let open = false;
      const note = (what: string) => {
        if (!open) {
          task += 1;
          open = true;
          queueMicrotask(() => (open = false));
        }
        log.push([what, task]);
      };
      // The script's own run ends by setting window.CDS17.
      Object.defineProperty(window, 'CDS17', {
        configurable: true,
        get: () => undefined,
        set: (value) => {
          note('script');
          Object.defineProperty(window, 'CDS17', { configurable: true, writable: true, value });
        },
      });
      const fetch = window.fetch;
      window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
        if (String(input).endsWith('.wasm')) note('wasm');
        return fetch.call(this, input, init);
      };
      const replaceSync = CSSStyleSheet.prototype.replaceSync;
      CSSStyleSheet.prototype.replaceSync = function (text: string) {
        note('stylesheet');
        return replaceSync.call(this, text);
      };
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        note('shadow root');
        return attachShadow.call(this, init);
      };
      const replaceChildren = ShadowRoot.prototype.replaceChildren;
      ShadowRoot.prototype.replaceChildren = function (...nodes: (Node | string)[]) {
        note('painted');
        return replaceChildren.apply(this, nodes);
      };
    });
    await page.goto(hostPage('one-tag'));
    await ready(page);
    const log: [string, number][] = await page.evaluate(() => (window as any).__loaderLog);
    const tasks = new Map<string, number>();
    for (const [what, task] of log) if (!tasks.has(what)) tasks.set(what, task);
    expect([...tasks.keys()]).toEqual(['script', 'wasm', 'stylesheet', 'shadow root', 'painted']);
    const [script, wasm, stylesheet, shadow, painted] = [...tasks.values()];
    expect(script < wasm && wasm < stylesheet && stylesheet < shadow).toBe(true);
    expect(painted).toBe(shadow);
  });

  test('is on screen before the wasm, and the wasm takes it over without a change', async ({ page, context }) => {
    for (const [width, lang] of [
      [360, 'vi'],
      [1280, 'en'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      const release = await holdWasm(page);
      await page.goto(hostPage('sizes'));
      await page.evaluate(() => (document.getElementById('box')!.style.width = '100%'));
      const mounted = page.evaluate(
        (lang) => (window as any).CDS17.mount(document.getElementById('host'), { lang, card: 5, deeplink: 'off' }),
        lang,
      );
      await painted(page, '#host');
      const w = widget(page, '#host');
      await expect(w.card()).toHaveAttribute('data-card', '5');
      // Focus where a keyboard user may have put it, and a mark on the nodes.
      await w.next.focus();
      await page.evaluate(() => {
        const root = document.getElementById('host')!.shadowRoot!.querySelector('.cds17-root') as any;
        root.paintedByTheLoader = true;
        window.scrollTo(0, 40);
      });
      const before = await w.root.screenshot({ path: `target/screenshots/${width}-${lang}-first-paint.png`, animations: 'disabled' });
      const scrollBefore = await page.evaluate(() => window.scrollY);
      release();
      await mounted;
      await ready(page, '#host');
      const after = await w.root.screenshot({ path: `target/screenshots/${width}-${lang}-taken-over.png`, animations: 'disabled' });
      expect(await pictureDistance(context, before, after), `${width}px ${lang}: the same picture`).toBeLessThanOrEqual(40);
      const kept = await page.evaluate(() => {
        const shadow = document.getElementById('host')!.shadowRoot!;
        const root = shadow.querySelector('.cds17-root') as any;
        return {
          sameNodes: root.paintedByTheLoader === true,
          focused: shadow.activeElement?.classList.contains('cds17-next') ?? false,
          scroll: window.scrollY,
        };
      });
      expect(kept).toEqual({ sameNodes: true, focused: true, scroll: scrollBefore });
      // And the widget works: the hydrated nodes answer.
      await w.next.click();
      await expect(w.card()).toHaveAttribute('data-card', '6');
      await page.unroute('**/*.wasm');
    }
  });

  test('a first paint that something else changed (a translating extension) is painted again before the wasm takes it', async ({
    page,
  }) => {
    const release = await holdWasm(page);
    await page.goto(hostPage('api'));
    await page.evaluate(() => void (window as any).CDS17.mount(document.getElementById('host'), { card: 2 }));
    await painted(page, '#host');
    // What Chrome's translation does to text: wraps it in <font>.
    await page.evaluate(() => {
      const title = document.getElementById('host')!.shadowRoot!.querySelector('.cds17-slot[data-shown="true"] .cds17-title')!;
      const font = document.createElement('font');
      font.textContent = 'From costs to creating benefits and value';
      title.replaceChildren(font);
    });
    release();
    await ready(page, '#host');
    const w = widget(page, '#host');
    await expect(w.card().locator('.cds17-title').first()).toHaveText('Từ chi phí sang tạo ra lợi ích và giá trị');
    await w.next.click();
    await expect(w.card()).toHaveAttribute('data-card', '3');
  });

  test('an English start paints once its words are here, beside the wasm', async ({ page }) => {
    await holdWasm(page);
    const releaseText = await holdBack(page, '**/cds17.en.*.txt');
    await page.goto(hostPage('sizes'));
    await page.evaluate(() => void (window as any).CDS17.mount(document.getElementById('host'), { lang: 'en', deeplink: 'off' }));
    // Until then, the reserved frame holds the widget's place.
    await expect(page.locator('#host .cds17-root.cds17-pending')).toHaveCount(1);
    releaseText();
    await painted(page, '#host');
    await expect(widget(page, '#host').card().locator('.cds17-title').first()).toHaveText(/^From /);
  });
});

test.describe('what the visitor does before the wasm is up', () => {
  type Recorded = { type: string; detail: Record<string, unknown> };
  const events = (page: Page) => page.evaluate(() => (window as any).events as Recorded[]);

  test('a click on flip, 100 ms after the first paint on Slow 4G: flipped once, cds17:flip once', async ({ page, context }) => {
    const client = await context.newCDPSession(page);
    await client.send('Network.enable');
    await client.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6e6 / 8) * 0.9,
      uploadThroughput: (750e3 / 8) * 0.9,
    });
    // A page as a webmaster makes it: the placeholder, the async tag. The
    // page itself presses flip 100 ms after the widget's first paint, and
    // notes what it saw then.
    await page.addInitScript(() => {
      const look = () => {
        const root = document.getElementById('host')?.shadowRoot?.querySelector('.cds17-root[aria-busy] .cds17-text');
        if (!root) return requestAnimationFrame(look);
        setTimeout(() => {
          const flip = document.getElementById('host')!.shadowRoot!.querySelector('.cds17-flip') as HTMLElement;
          flip.click();
          (window as any).pressed = {
            beforeTheWasm: !!document.getElementById('host')!.shadowRoot!.querySelector('.cds17-root[aria-busy]'),
            saysBusy: flip.hasAttribute('data-cds17-waiting'),
          };
        }, 100);
      };
      requestAnimationFrame(look);
    });
    // The wasm waits for the press: on this fast machine it could otherwise
    // come within the 100 ms, and the press would not be the one tested.
    const release = await holdBack(page, '**/*.wasm');
    await page.goto(hostPage('paint'), { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as any).pressed);
    release();
    expect(await page.evaluate(() => (window as any).pressed)).toEqual({ beforeTheWasm: true, saysBusy: true });
    const w = widget(page, '#host');
    await ready(page, '#host');
    await expect(w.card(1)).toHaveAttribute('data-flipped', 'true');
    await expect(w.flipButton(1)).not.toHaveAttribute('data-cds17-waiting', '');
    await page.waitForTimeout(300);
    const flips = (await events(page)).filter((event) => event.type === 'cds17:flip');
    expect(flips).toEqual([{ type: 'cds17:flip', target: 'host', detail: { card: 1, side: 'after' } }]);
  });

  test('each kind of input is done once when the wasm takes over', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(hostPage('api'));
    await page.evaluate(() => void (window as any).CDS17.mount(document.getElementById('host'), { card: 3 }));
    await painted(page, '#host');
    const w = widget(page, '#host');
    // A tap on the card itself flips it; then next twice, previous once,
    // the pager to card 9, End, and a key on the widget.
    await w.card(3).locator('.cds17-text').first().click();
    await w.next.click();
    await w.next.click();
    await w.previous.click();
    await page.locator('#host .cds17-page').nth(8).click();
    await w.next.focus();
    await page.keyboard.press('ArrowLeft');
    // Nothing has happened yet: the painted view stays as it was.
    await expect(w.card()).toHaveAttribute('data-card', '3');
    release();
    await ready(page, '#host');
    await expect(w.card()).toHaveAttribute('data-card', '8');
    await expect(w.card(3)).toHaveAttribute('data-flipped', 'true');
    await page.waitForTimeout(300);
    const changes = (await events(page)).filter((event) => event.type !== 'cds17:ready');
    expect(changes.map((event) => [event.type, event.detail.card])).toEqual([
      ['cds17:flip', 3],
      ['cds17:change', 4],
      ['cds17:change', 5],
      ['cds17:change', 4],
      ['cds17:change', 9],
      ['cds17:change', 8],
    ]);
    expect(await page.locator('#host [data-cds17-waiting]').count()).toBe(0);
  });

  test('a swipe on the painted card moves on once, and is no tap', async ({ browser }) => {
    const context = await browser.newContext({ hasTouch: true, viewport: { width: 400, height: 800 } });
    const page = await context.newPage();
    const release = await holdWasm(page);
    await page.goto(hostPage('api'));
    await page.evaluate(() => void (window as any).CDS17.mount(document.getElementById('host'), { card: 2, deeplink: 'off' }));
    await painted(page, '#host');
    const w = widget(page, '#host');
    const box = (await w.card(2).boundingBox())!;
    const y = box.y + box.height / 2;
    const client = await context.newCDPSession(page);
    const touch = (type: string, x: number) =>
      client.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', box.x + box.width * 0.8);
    await touch('touchMove', box.x + box.width * 0.5);
    await touch('touchMove', box.x + box.width * 0.2);
    await touch('touchEnd', 0);
    release();
    await ready(page, '#host');
    await expect(w.card()).toHaveAttribute('data-card', '3');
    await expect(w.card(2)).toHaveAttribute('data-flipped', 'false');
    await context.close();
  });

  test('on a page that moves the widget away before the wasm, nothing is done to it', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(hostPage('api'));
    await page.evaluate(() => void (window as any).CDS17.mount(document.getElementById('host')));
    await painted(page, '#host');
    await widget(page, '#host').next.click();
    await page.evaluate(() => void (window as any).CDS17.unmount(document.getElementById('host')));
    release();
    await page.waitForTimeout(500);
    expect(await page.locator('#host .cds17-root').count()).toBe(0);
    const changes = (await events(page)).filter((event) => event.type !== 'cds17:ready');
    expect(changes).toEqual([]);
  });
});
