import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { nginxSnippetFile } from '../../../src/app/content-security-policy.ts';
import { repoRoot } from './paths.ts';
import type { StaticServer } from './static-server.ts';

/** The site config that ships in .deploy/: the tests serve the build with this file, not a look-alike. */
export const nginxSite = join(repoRoot, '.deploy', 'nginx', 'tapfix.conf');

/** The nginx binary run.mjs found (TAPFIX_E2E_NGINX); undefined when the nginx tests are skipped. */
export function nginxBinary(): string | undefined {
  return process.env.TAPFIX_E2E_NGINX || undefined;
}

/** NGINX_PATH, or an executable nginx on PATH or in the sbin folders (as run.mjs looks): for the bench. */
export function findNginxBinary(): string | undefined {
  if (process.env.NGINX_PATH) return existsSync(process.env.NGINX_PATH) ? process.env.NGINX_PATH : undefined;
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return folders
    .filter(Boolean)
    .map((folder) => join(folder, 'nginx'))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/**
 * The site with its root and listen pointed at this test, and the build's CSP header snippet included from that
 * root; everything else exactly as deployed.
 */
export function siteForTest(site: string, root: string, port: number): string {
  const listen = /^([ \t]*)listen[ \t]+[^;\n]+;[ \t]*$/gm;
  const rootLine = /^([ \t]*)root[ \t]+[^;\n]+;[ \t]*$/gm;
  const includeLine = /^([ \t]*)include[ \t]+[^;\n]*\/nginx-csp\.conf;[ \t]*$/gm;
  const listens = site.match(listen)?.length ?? 0;
  const roots = site.match(rootLine)?.length ?? 0;
  const includes = site.match(includeLine)?.length ?? 0;
  if (listens === 0 || roots !== 1 || includes !== 1) {
    throw new Error(
      `${nginxSite}: expected listen lines, one root line and one include of ${nginxSnippetFile} ` +
        `(found ${listens}, ${roots} and ${includes})`,
    );
  }
  let first = true;
  return site
    .replace(listen, (_line, indent: string) => {
      const line = first ? `${indent}listen 127.0.0.1:${port};` : `${indent}# test: only the loopback listen above`;
      first = false;
      return line;
    })
    .replace(rootLine, (_line, indent: string) => `${indent}root ${JSON.stringify(root)};`)
    .replace(
      includeLine,
      (_line, indent: string) => `${indent}include ${JSON.stringify(join(root, nginxSnippetFile))};`,
    );
}

/** Where the installed nginx keeps mime.types (next to its default nginx.conf). */
function mimeTypesOf(binary: string): string {
  const version = spawnSync(binary, ['-V'], { encoding: 'utf8' });
  const confPath = /--conf-path=(\S+)/.exec(`${version.stdout}${version.stderr}`)?.[1] ?? '/etc/nginx/nginx.conf';
  const file = join(dirname(confPath), 'mime.types');
  if (!existsSync(file)) throw new Error(`nginx's mime.types not found at ${file}`);
  return file;
}

/** nginx's scratch folders, kept inside the test's prefix instead of /var/lib/nginx. */
const tempPaths = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/** The top-level config a deployment would have (Debian's nginx.conf, trimmed), including the site. */
function mainConfig(prefix: string, mimeTypes: string): string {
  const temp = (name: string) => `${name}_temp_path ${JSON.stringify(join(prefix, 'temp', name))};`;
  return [
    'daemon off;',
    'worker_processes 1;',
    // As root, workers would switch to nobody, who cannot read the tests' private temp folders.
    process.getuid?.() === 0 ? 'user root root;' : '',
    `pid ${JSON.stringify(join(prefix, 'nginx.pid'))};`,
    'error_log stderr warn;',
    'events { worker_connections 128; }',
    'http {',
    `  include ${JSON.stringify(mimeTypes)};`,
    '  default_type application/octet-stream;',
    '  sendfile on;',
    '  access_log off;',
    ...tempPaths.map((name) => `  ${temp(name)}`),
    `  include ${JSON.stringify(join(prefix, 'tapfix.conf'))};`,
    '}',
    '',
  ].join('\n');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(url: string, exited: () => string | null) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const failure = exited();
    if (failure !== null) throw new Error(`nginx exited before serving: ${failure}`);
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not answer at ${url} within 15 s`);
}

/**
 * Serves a build with the .deploy/ site config on a loopback port. The root is a symlink, so setRoot swaps
 * the deployed folder under a running nginx, as a deploy would.
 */
export async function startNginx(
  root: string,
  { port, binary = nginxBinary() }: { port?: number; binary?: string } = {},
): Promise<StaticServer> {
  if (!binary) throw new Error('TAPFIX_E2E_NGINX is not set: run the browser tests with tests/e2e/run.mjs');
  const prefix = await mkdtemp(join(tmpdir(), 'tapfix-nginx-'));
  await chmod(prefix, 0o755);
  const listenPort = port ?? (await freePort());
  const current = join(prefix, 'current');
  await symlink(root, current);
  const site = siteForTest(await readFile(nginxSite, 'utf8'), current, listenPort);
  await writeFile(join(prefix, 'tapfix.conf'), site);
  const config = join(prefix, 'nginx.conf');
  await writeFile(config, mainConfig(prefix, mimeTypesOf(binary)));
  for (const name of tempPaths) await mkdir(join(prefix, 'temp', name), { recursive: true });

  const check = spawnSync(binary, ['-t', '-q', '-p', prefix, '-c', config], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t rejected the config:\n${check.stderr}\n${site}`);

  const child = spawn(binary, ['-p', prefix, '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exit: string | null = null;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = `code ${code} signal ${signal}: ${stderr}`;
      resolve();
    });
  });
  const url = `http://127.0.0.1:${listenPort}/`;
  try {
    await waitForPort(url, () => exit);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    setRoot(next) {
      // Atomic swap: a request sees the old folder or the new one, never none.
      const staged = join(prefix, 'staged');
      rmSync(staged, { force: true });
      symlinkSync(next, staged);
      renameSync(staged, current);
    },
    async close() {
      if (exit === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
