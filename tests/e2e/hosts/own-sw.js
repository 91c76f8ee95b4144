// The host site's own service worker: cds17 must leave it alone.
self.addEventListener('fetch', () => {});
