import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, hostPage, ready, WIDGET_BASE } from './fixtures';
import type { Page } from '@playwright/test';

// Our own pages offline: after one visit online, the standalone page, the
// card pages in both languages and the posters come from the service
// worker's cache, with the widget, its English words and the self-check.

/** Waits until the page's service worker has installed its cache and is active. */
async function workerReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test.describe('offline', () => {
  test('after one visit online, every page of ours works offline: flip, next, English, the self-check, a card page in each language, the posters', async ({ page, context }) => {
    await page.goto(`${WIDGET_BASE}/`);
    await workerReady(page);
    // No connection at all from here on: whatever loads, loads from the worker's cache.
    await context.setOffline(true);
    await page.reload();
    await ready(page, '.widget[data-cds17]');
    const host = page.locator('.widget[data-cds17]');
    const shown = host.locator('.cds17-slot[data-shown="true"] .cds17-card');
    await expect(shown).toHaveAttribute('data-card', '1');
    await host.locator('.cds17-slot[data-shown="true"] .cds17-flip').click();
    await expect(shown).toHaveAttribute('data-flipped', 'true');
    await host.locator('.cds17-next').click();
    await expect(host.locator('.cds17-count')).toHaveText('Thẻ 2/17');
    await host.getByRole('button', { name: 'English', exact: true }).click();
    await expect(host.locator('.cds17-count')).toHaveText('Card 2/17');
    await host.getByRole('button', { name: 'Self-check', exact: true }).click();
    await expect(host.getByRole('button', { name: 'Digital transformation', exact: true }).first()).toBeVisible();

    for (const [path, count] of [['the/7/', 'Thẻ 7/17'], ['en/the/12/', 'Card 12/17']]) {
      await page.goto(`${WIDGET_BASE}/${path}`);
      await ready(page);
      await expect(page.locator('[data-cds17] .cds17-count')).toHaveText(count);
    }
    for (const path of ['poster/', 'en/poster/']) {
      await page.goto(`${WIDGET_BASE}/${path}`);
      await expect(page.locator('.sheet')).toHaveCount(18);
      await expect(page.locator('.sheet svg.qr')).toHaveCount(18);
    }
  });

  test('a page whose worker is refused works as it did, with nothing said', async ({ page }) => {
    await page.addInitScript(() => {
      if (window.top === window && 'serviceWorker' in navigator) {
        navigator.serviceWorker.register = () => Promise.reject(new DOMException('refused', 'SecurityError'));
      }
    });
    await page.goto(`${WIDGET_BASE}/the/4/`);
    await ready(page);
    await page.waitForLoadState('load');
    await page.locator('[data-cds17] .cds17-slot[data-shown="true"] .cds17-flip').click();
    await expect(page.locator('[data-cds17] .cds17-slot[data-shown="true"] .cds17-card')).toHaveAttribute('data-flipped', 'true');
  });

  test('a worker that cannot keep every file does not install, and the page works online as it did', async ({ page, context }) => {
    await context.route('**/cds17.quiz.*.wasm', (route) => route.abort());
    await page.goto(`${WIDGET_BASE}/`);
    await ready(page, '.widget[data-cds17]');
    await page.waitForLoadState('load');
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active ?? null), { timeout: 3000 }).toBeNull();
    await page.reload();
    await ready(page, '.widget[data-cds17]');
  });

  test('a host page that embeds cds17.js gets no worker of ours, and one with its own keeps it unchanged', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

    await page.goto(hostPage('own-worker'));
    const before = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { scope: registration.scope, script: registration.active?.scriptURL };
    });
    await ready(page);
    await page.waitForTimeout(500);
    const after = await page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistrations()).map((registration) => ({ scope: registration.scope, script: registration.active?.scriptURL })),
    );
    expect(after).toEqual([before]);
    expect(before.script).toMatch(/\/test\/own-sw\.js$/);
  });

  test('the worker is served as JavaScript and always checked, so that a release reaches every visitor', async ({ request }) => {
    const response = await request.get(`${WIDGET_BASE}/sw.js`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers()['cache-control']).toBe('no-cache');
  });

  test('the standalone page installs on a home screen: its manifest and icons, and no installability errors', async ({ page, request }) => {
    await page.goto(`${WIDGET_BASE}/`);
    await workerReady(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const response = await request.get(`${WIDGET_BASE}/${href}`);
    expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    expect(response.headers()['cache-control']).toBe('no-cache');
    const manifest = await response.json();
    expect(manifest).toMatchObject({ start_url: './', scope: './', display: 'standalone' });
    for (const field of ['name', 'short_name', 'background_color', 'theme_color']) expect(typeof manifest[field], field).toBe('string');
    for (const icon of manifest.icons) {
      const png = await (await request.get(`${WIDGET_BASE}/${icon.src}`)).body();
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    expect(manifest.icons.map((icon: any) => `${icon.sizes} ${icon.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    // Chromium installs nothing from an incognito profile, which every test context is: a profile of its own.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cds17-install-'));
    const browser = await chromium.launchPersistentContext(profile, test.info().project.use.launchOptions ?? {});
    try {
      const installed = browser.pages()[0] ?? (await browser.newPage());
      await installed.goto(`${WIDGET_BASE}/`);
      await workerReady(installed);
      const cdp = await browser.newCDPSession(installed);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    } finally {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});
