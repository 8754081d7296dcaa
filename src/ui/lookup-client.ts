import { wrap } from 'comlink';
import type { TerminalInput } from '../domain/lookup/terminal-input.ts';
import type { LookupWorker } from './lookup-worker.ts';

/** Reads what the search box was given, wherever the lookup runs. */
export type TerminalReader = (text: string) => Promise<TerminalInput>;

/** The lookup in the page itself: where a browser has no module workers (and in jsdom). */
async function inPage(): Promise<TerminalReader> {
  const { readTerminalInput } = await import('../domain/lookup/terminal-input.ts');
  return async (text) => readTerminalInput(text);
}

/** The lookup in a worker; rejects when the worker cannot start (no such file offline, a refused script). */
function inWorker(): Promise<TerminalReader> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lookup-worker.ts', import.meta.url), { type: 'module', name: 'lookup' });
    worker.addEventListener(
      'error',
      (event) => {
        event.preventDefault();
        worker.terminate();
        reject(new Error('the lookup worker did not start'));
      },
      { once: true },
    );
    const lookup = wrap<LookupWorker>(worker);
    lookup.ready().then(() => resolve((text) => lookup.readTerminalInput(text)), reject);
  });
}

let reader: Promise<TerminalReader> | null = null;

/**
 * The terminal-input reader, started once. A worker where there is one, else the page; a failure is forgotten so
 * the next search tries again (the connection may be back).
 */
export function terminalReader(): Promise<TerminalReader> {
  reader ??= (typeof Worker === 'function' ? inWorker().catch(inPage) : inPage()).catch((error: unknown) => {
    reader = null;
    throw error;
  });
  return reader;
}
