import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';

export interface KillableBrowser {
  readonly browser: Browser;
  /** The profile's own context: its storage is on disk in the user data folder. */
  readonly context: BrowserContext;
  /** SIGKILL to the whole browser (every process of it), as a phone's memory killer does: nothing is flushed. */
  kill(): Promise<void>;
}

/**
 * A Chromium this test started itself on a profile folder, reached over CDP, so the test can kill its processes
 * outright and start another on the same folder (Playwright's own launch closes the browser politely).
 */
export async function launchKillable(userDataDir: string): Promise<KillableBrowser> {
  const executable = chromiumPath();
  if (!executable) throw new Error('no Chromium (CHROME_PATH or /usr/bin/chromium)');
  const child: ChildProcess = spawn(
    executable,
    ['--headless=new', `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', ...chromiumArgs, 'about:blank'],
    // Its own process group, so the kill reaches the renderer and storage processes too.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error(`Chromium exited: ${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const [context] = browser.contexts();
  if (!context) throw new Error('Chromium has no default context');
  return {
    browser,
    context,
    async kill() {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}
