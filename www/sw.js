/* cds17's service worker: our own pages (the standalone page, the card
   pages, the posters) work offline once a visitor has opened one of them
   online. Never registered by cds17.js on a host page. Its list of files is
   written at build time from dist/ (xtask/src/offline.rs). */
'use strict';

const CACHE = '__CDS17_CACHE__';
const PRECACHE = '__CDS17_PRECACHE__';
/* Names with a content hash never change: cds17.<hash>.js, .wasm, .txt, .css. */
const HASHED = /\.[0-9a-f]{10}\.(js|wasm|txt|css)$/;

self.addEventListener('install', (event) => {
  // All or nothing: a file that cannot be fetched fails the install, and
  // the pages go on as they are, online.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // A release's worker drops the caches of the releases before it.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('cds17-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(self.registration.scope)) return;
  if (HASHED.test(url.pathname)) {
    // Hashed files: the cache first, as their content never changes.
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
    return;
  }
  // Pages and the rest: the network first, so that an online visitor never
  // gets a page older than the release; the cache when there is no network.
  event.respondWith(
    fetch(request).catch(() =>
      caches.match(request, { ignoreSearch: request.mode === 'navigate' }).then((cached) => cached || Response.error()),
    ),
  );
});
