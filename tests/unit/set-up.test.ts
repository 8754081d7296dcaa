// The README's set-up promises, checked against what the scripts really need and do.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const setUp = readme.slice(readme.indexOf('## Set-up'), readme.indexOf('\n## ', readme.indexOf('## Set-up') + 1));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('the set-up section', () => {
  it('names every system package the test runner asks for under CI=true', () => {
    const runner = readFileSync(join(root, 'tests/e2e/run.mjs'), 'utf8');
    const asked = [...runner.matchAll(/apt-get install -y ([\w\s-]+?) \(/g)].flatMap(
      (match) => match[1]?.split(/\s+/) ?? [],
    );
    expect(asked).toEqual(expect.arrayContaining(['chromium', 'fonts-noto-cjk', 'nginx']));
    for (const name of asked) expect(setUp, `README set-up names ${name}`).toContain(name);
  });

  it('says which three languages ship, in the English intro', () => {
    const english = readme.slice(readme.indexOf('**English**'), readme.indexOf('## Set-up'));
    for (const language of ['Simplified Chinese', 'English', 'Traditional Chinese'])
      expect(english).toContain(language);
  });
});

/** Holds a loopback port; null when something else already holds it (then it is busy all the same). */
function hold(port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('npm start', () => {
  it('stops with a clear error when its port is taken, instead of moving to another port', async () => {
    const start = packageJson.scripts.start ?? '';
    const preview = start.slice(start.indexOf('vite preview'));
    expect(preview).toContain('--strictPort');
    const port = Number(/--port (\d+)/.exec(preview)?.[1]);
    const held = await hold(port);
    const outDir = mkdtempSync(join(tmpdir(), 'tapfix-start-'));
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>t</title>');
    try {
      const args = [...preview.split(' ').slice(1), '--outDir', outDir];
      const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
      const child = spawn(process.execPath, [vite, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          child.kill();
          resolve(null);
        }, 20_000);
        child.once('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      expect(code, output).not.toBe(0);
      expect(code, 'it exits instead of serving elsewhere').not.toBeNull();
      expect(output).toMatch(new RegExp(`${port}.*(in use|already)`, 'i'));
    } finally {
      held?.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 30_000);
});
