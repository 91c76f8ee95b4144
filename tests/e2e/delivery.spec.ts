import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { test, expect, widget, ready, WIDGET_BASE, HOST_ORIGIN } from './fixtures';

// dist/ as `cargo xtask test` serves it: through nginx, with www/nginx.conf.
const manifest = JSON.parse(fs.readFileSync('dist/manifest.json', 'utf8'));

test.describe('delivery through nginx', () => {
  test('the wasm: application/wasm, CORS, cached for good, precompressed', async ({ request }) => {
    const url = `${WIDGET_BASE}/${manifest.wasm}`;
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const response = await request.get(url, { headers: { 'Accept-Encoding': accept } });
      expect(response.status()).toBe(200);
      const headers = response.headers();
      expect(headers['content-type']).toBe('application/wasm');
      expect(headers['access-control-allow-origin']).toBe('*');
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(headers['content-encoding']).toBe(encoding);
      expect(headers['vary']).toContain('Accept-Encoding');
      // Sent as stored: the .br and .gz from dist/, not compressed again.
      const stored = fs.statSync(`dist/${manifest.wasm}${encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : ''}`);
      expect(Number(headers['content-length'])).toBe(stored.size);
    }
  });

  test('the English text: UTF-8 text, CORS, cached for good, precompressed, fetched with its integrity', async ({ request }) => {
    const loader = fs.readFileSync('dist/cds17.js', 'utf8');
    // The Vietnamese is in the loader, which paints with it: no file of its own.
    expect(Object.keys(manifest.texts)).toEqual(['en']);
    expect(Object.keys(manifest.files).filter((name) => /\.vi\..*\.txt/.test(name))).toEqual([]);
    for (const lang of ['en']) {
      const name = manifest.texts[lang];
      expect(name).toMatch(new RegExp(`^cds17\\.${lang}\\.[0-9a-f]{10}\\.txt$`));
      const response = await request.get(`${WIDGET_BASE}/${name}`, { headers: { 'Accept-Encoding': 'gzip' } });
      const headers = response.headers();
      expect(headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(headers['access-control-allow-origin']).toBe('*');
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(headers['content-encoding']).toBe('gzip');
      expect(Number(headers['content-length'])).toBe(fs.statSync(`dist/${name}.gz`).size);
      const first = (await response.text()).split('\n')[0];
      expect(first).toBe('From government to citizens, from organisations to employees, from businesses to customers');
      // Not in the loader too: no visitor downloads it twice.
      expect(loader).not.toContain(first);
      expect(loader).toContain(manifest.files[name].integrity);
    }
  });

  test('the loaders: the stable one briefly cached, the pinned one for good', async ({ request }) => {
    const stable = await request.get(`${WIDGET_BASE}/cds17.js`, { headers: { 'Accept-Encoding': 'br' } });
    expect(stable.headers()['content-type']).toBe('text/javascript; charset=utf-8');
    expect(stable.headers()['cache-control']).toBe('public, max-age=300');
    expect(stable.headers()['access-control-allow-origin']).toBe('*');
    expect(stable.headers()['content-encoding']).toBe('br');
    const pinned = await request.get(`${WIDGET_BASE}/${manifest.pinned_loader}`);
    expect(pinned.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(pinned.headers()['access-control-allow-origin']).toBe('*');
    const page = await request.get(`${WIDGET_BASE}/`);
    expect(page.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers()['cache-control']).toBe('no-cache');
  });

  test('manifest.json holds the SRI hash of every file, as served', async ({ request }) => {
    const files = Object.keys(manifest.files);
    expect(files).toEqual(expect.arrayContaining(['cds17.js', manifest.pinned_loader, manifest.wasm, 'index.html']));
    for (const name of files) {
      const body = await (await request.get(`${WIDGET_BASE}/${name}`)).body();
      const digest = `sha384-${createHash('sha384').update(body).digest('base64')}`;
      expect(manifest.files[name].integrity, name).toBe(digest);
    }
  });

  test('the snippet pins the loader with integrity and crossorigin, and works pasted into a page', async ({ page }) => {
    const snippet: string = manifest.snippet;
    expect(snippet).toContain(`/${manifest.pinned_loader}"`);
    expect(snippet).toContain(`integrity="${manifest.files[manifest.pinned_loader].integrity}"`);
    expect(snippet).toContain('crossorigin="anonymous"');
    // Pasted into a real host page (the host server puts the manifest's
    // snippet where the page says {{CDS17_SNIPPET}}, pointed at this dist/).
    await page.goto(`${HOST_ORIGIN}/test/pasted.html`);
    expect(await page.locator('script[integrity]').getAttribute('integrity')).toBe(
      manifest.files[manifest.pinned_loader].integrity,
    );
    await ready(page);
    await expect(widget(page).card()).toHaveAttribute('data-card', '1');
  });

  test('the loader asks for the wasm with its integrity hash', async ({ page }) => {
    let requested: string | undefined;
    await page.route('**/*.wasm', async (route) => {
      requested = route.request().url();
      await route.continue();
    });
    await page.goto(`${WIDGET_BASE}/`);
    await ready(page);
    const loader = fs.readFileSync('dist/cds17.js', 'utf8');
    expect(loader).toContain(manifest.files[manifest.wasm].integrity);
    expect(requested).toBe(`${WIDGET_BASE}/${manifest.wasm}`);
  });
});
