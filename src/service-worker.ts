/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline support: precaches the app shell, every prerendered page and the compiled banks in a
 * cache named after the build version. The app and its banks are served together from one
 * version, so they always match; a new build installs a new cache and removes the old one.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `examforge-${version}`;
const ASSETS = [...new Set([...build, ...files, ...prerendered])];
const FALLBACK = prerendered.find((p) => p.endsWith('/200.html')) ?? '/200.html';

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(ASSETS);
			// The first install has no older version to wait for: take over at once.
			if (!sw.registration.active) await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE && key.startsWith('examforge-')) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(respond(request, url));
});

let opened: Promise<Cache> | null = null;

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await (opened ??= caches.open(CACHE));
	const cached = (await cache.match(url.pathname)) ?? (await cache.match(request));
	if (cached) return cached;
	try {
		return await fetch(request);
	} catch (error) {
		// Offline and not precached: a page URL gets the app shell, which routes on the client.
		if (request.mode === 'navigate') {
			const shell = await cache.match(FALLBACK);
			if (shell) return shell;
		}
		throw error;
	}
}
