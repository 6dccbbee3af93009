/** A static server for the built app on 127.0.0.1 whose bank files the benchmark can swap. */
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import { RAW_PAGE, RAW_WORKER } from './raw-page';

export interface BenchServer {
	url: string;
	/** Serves this bank JSON (already serialised) as the bundled bank from now on. */
	setBank(version: string, json: string): void;
	/** Serves the build's own bundled bank again. */
	clearBank(): void;
	close(): Promise<void>;
}

export async function startServer(dir = 'build'): Promise<BenchServer> {
	const statics = sirv(dir, { single: '200.html', dev: false, etag: true });
	let bank: { version: string; json: string } | null = null;
	const server: Server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		if (bank && path === '/banks/current.json') {
			res.setHeader('content-type', 'application/json');
			res.setHeader('cache-control', 'no-store');
			return res.end(
				JSON.stringify({ version: bank.version, url: `bench-${bank.version}.json`, questions: 0 })
			);
		}
		if (bank && path === `/banks/bench-${bank.version}.json`) {
			res.setHeader('content-type', 'application/json');
			return res.end(bank.json);
		}
		if (path === '/__bench/raw') {
			res.setHeader('content-type', 'text/html');
			return res.end(RAW_PAGE);
		}
		if (path === '/__bench/raw-worker.js') {
			res.setHeader('content-type', 'text/javascript');
			return res.end(RAW_WORKER);
		}
		statics(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		setBank: (version, json) => (bank = { version, json }),
		clearBank: () => (bank = null),
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
