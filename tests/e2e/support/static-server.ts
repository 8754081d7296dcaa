import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  /** Serves another folder from the next request on (a deploy, as the browser sees it). */
  setRoot(root: string): void;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** gzip text files for clients that accept it, as a production server does (the benchmarks compare loads). */
  gzip?: boolean;
}

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** A loopback static file server whose folder can be swapped while it runs; no caching, no fallback. */
export async function startStaticServer(
  root: string,
  { gzip = false }: StaticServerOptions = {},
): Promise<StaticServer> {
  let current = root;
  const server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const relative = normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      const file = join(current, relative);
      if (!file.startsWith(current.endsWith(sep) ? current : current + sep)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const zipped =
        gzip && compressible.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      response.writeHead(200, {
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
        ...(zipped ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { 'Content-Length': info.size }),
        // Every request reaches the folder, so a swapped folder is what the browser sees next.
        'Cache-Control': 'no-cache, no-store',
      });
      if (request.method === 'HEAD') response.end();
      else if (zipped) createReadStream(file).pipe(createGzip()).pipe(response);
      else createReadStream(file).pipe(response);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setRoot(next) {
      current = next;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
