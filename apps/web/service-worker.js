/* The console's service worker: the app shell from the cache, the API always from the network. */
/* global __SHELL__, __VERSION__ -- replaced by the build with the app shell and its version */
const SHELL = __SHELL__;
const CACHE = `console-${__VERSION__}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs') || url.pathname === '/health')
    return;
  if (request.mode === 'navigate') {
    // The page itself: the network first (a fresh CSP nonce and build), the cached shell when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match('/', { ignoreVary: true }).then((cached) => cached ?? Response.error()),
      ),
    );
    return;
  }
  // Hashed assets never change: the cache first, and what was fetched is kept (fonts, lazily loaded pages).
  // The server varies its answers by Origin (CORS) and encoding; a module script's request carries an Origin
  // the precache request did not, so the cache is asked without Vary.
  event.respondWith(
    caches.match(request, { ignoreVary: true }).then(
      (cached) =>
        cached ??
        fetch(request).then((response) => {
          if (response.ok && url.pathname.startsWith('/assets/')) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
