import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { test, expect, ready } from './fixtures';

// A release replaces what the service worker keeps. `cargo xtask test`
// builds dist/ twice, the second time with one change to the widget's
// wasm (a mark in a custom section), into target/release-later/; here both
// are served in turn at the same origin, as a deployment would be updated.

const FIRST = path.resolve('dist');
const LATER = process.env.CDS17_LATER_RELEASE ?? '';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** Serves `folder()` at /cds17/ on 127.0.0.1, whichever folder it names at the time of each request. */
async function serve(folder: () => string) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let file = path.join(folder(), decodeURIComponent(url.pathname.replace(/^\/cds17\//, '')));
    if (!url.pathname.startsWith('/cds17/') || !file.startsWith(folder())) {
      response.writeHead(404).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    response.end(fs.readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const wasmOf = (folder: string) => JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')).wasm as string;
const cacheOf = (folder: string) => /const CACHE = '([^']+)'/.exec(fs.readFileSync(path.join(folder, 'sw.js'), 'utf8'))![1];

test('a release with a changed wasm replaces the cache: the new wasm is used and the old cache is gone', async ({ page }) => {
  test.skip(!LATER, 'cargo xtask test builds the later release');
  expect(wasmOf(LATER)).not.toBe(wasmOf(FIRST));
  let folder = FIRST;
  const { server, origin } = await serve(() => folder);
  try {
    const wasmRequests: string[] = [];
    page.on('request', (request) => request.url().endsWith('.wasm') && wasmRequests.push(path.basename(new URL(request.url()).pathname)));
    await page.goto(`${origin}/cds17/the/3/`);
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([cacheOf(FIRST)]);
    expect(wasmRequests).toContain(wasmOf(FIRST));

    // The deployment is updated in place.
    folder = LATER;
    wasmRequests.length = 0;
    await page.reload();
    await ready(page);
    expect(wasmRequests).toContain(wasmOf(LATER));
    expect(wasmRequests).not.toContain(wasmOf(FIRST));
    // The new worker takes over and drops the first release's cache.
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 10_000 }).toEqual([cacheOf(LATER)]);
    await expect
      .poll(() => page.evaluate(async () => (await caches.open((await caches.keys())[0])).keys().then((keys) => keys.map((k) => k.url))))
      .toContain(`${origin}/cds17/${wasmOf(LATER)}`);
  } finally {
    server.close();
  }
});
