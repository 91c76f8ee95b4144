import { test, expect, hostPage, widget, ready } from './fixtures';
import type { CDPSession, Page } from '@playwright/test';

/** DOM nodes, event listeners and wasm memory, after a forced GC. */
async function measure(client: CDPSession) {
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
  const counters = await client.send('Memory.getDOMCounters');
  // Found by prototype, so the page need not expose the module.
  const prototype = await client.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const memories = await client.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId! });
  const bytes = await client.send('Runtime.callFunctionOn', {
    objectId: memories.objects.objectId!,
    functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return { nodes: counters.nodes, listeners: counters.jsEventListeners, wasmBytes: bytes.result.value as number };
}

async function cycles(page: Page, count: number) {
  await page.evaluate(async (count) => {
    const api = (window as any).CDS17;
    for (let i = 0; i < count; i++) {
      const element = document.createElement('div');
      element.setAttribute('data-deeplink', i % 2 ? 'on' : 'off');
      document.body.append(element);
      const handle = await api.mount(element, { card: (i % 17) + 1, view: i % 3 ? 'deck' : 'grid' });
      handle.next();
      handle.flip();
      handle.setLang(i % 2 ? 'en' : 'vi');
      (element.shadowRoot!.querySelector('.cds17-flip') as HTMLElement).click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (i % 2) handle.destroy();
      else await api.unmount(element);
      element.remove();
    }
    // Let the loader's observer see the last removals.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }, count);
}

test.describe('lifecycle', () => {
  test('200 cycles of mount, use and unmount leave nothing behind', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(hostPage('api'));
    const client = await page.context().newCDPSession(page);
    await cycles(page, 20);
    const baseline = await measure(client);
    await cycles(page, 100);
    const middle = await measure(client);
    await cycles(page, 100);
    const after = await measure(client);
    expect(after.nodes, 'DOM nodes').toBeLessThanOrEqual(baseline.nodes);
    expect(after.listeners, 'event listeners').toBeLessThanOrEqual(baseline.listeners);
    // Wasm memory only grows; a leak would grow it between 100 and 200.
    expect(after.wasmBytes, 'wasm memory').toBe(middle.wasmBytes);
    await client.detach();
  });

  test('a placeholder in a closed tab lays itself out once shown', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(hostPage('hidden-tab'));
    await ready(page, '#visible');
    await expect(page.locator('#hidden .cds17-root')).toHaveCount(1);
    await expect(page.locator('#hidden .cds17-root')).toBeHidden();
    await page.evaluate(() => {
      document.getElementById('first')!.hidden = true;
      document.getElementById('second')!.hidden = false;
    });
    const hidden = widget(page, '#hidden');
    await expect(hidden.card()).toBeVisible();
    const size = async (host: string) =>
      page.locator(`${host} .cds17-root`).evaluate((root) => {
        const box = root.getBoundingClientRect();
        return [Math.round(box.width), Math.round(box.height)];
      });
    const shownLater = await size('#hidden');
    await page.evaluate(() => {
      document.getElementById('first')!.hidden = false;
      document.getElementById('second')!.hidden = true;
    });
    expect(shownLater).toEqual(await size('#visible'));
    await page.evaluate(() => {
      document.getElementById('first')!.hidden = true;
      document.getElementById('second')!.hidden = false;
    });
    await hidden.card().click();
    await expect(hidden.card()).toHaveAttribute('data-flipped', 'true');
  });

  test('placeholders added later, in a subtree, are found; scan() forces it', async ({ page }) => {
    await page.goto(hostPage('api'));
    await page.evaluate(() => {
      const section = document.createElement('section');
      section.innerHTML = '<article><div id="deep" data-cds17 data-card="9"></div></article>';
      document.body.append(section);
    });
    await expect(widget(page, '#deep').card()).toHaveAttribute('data-card', '9');
    // An element that becomes a placeholder by getting the attribute.
    await page.evaluate(() => {
      const element = document.createElement('div');
      element.id = 'late';
      document.body.append(element);
      element.setAttribute('data-cds17', '');
    });
    await ready(page, '#late');
    // scan() on a subtree, twice: one widget.
    await page.evaluate(() => {
      const element = document.getElementById('late')!;
      (window as any).CDS17.scan(element.parentElement);
      (window as any).CDS17.scan(document);
    });
    await page.waitForTimeout(100);
    expect(await page.locator('#late .cds17-root').count()).toBe(1);
  });
});
