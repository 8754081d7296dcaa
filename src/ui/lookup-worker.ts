// The symptom lookup in a worker: building its tables is a quarter of a second of a slow phone's main thread
// (measured at 4× CPU), which would otherwise land right after the app starts answering taps.
import { expose } from 'comlink';
import { readTerminalInput } from '../domain/lookup/terminal-input.ts';

const lookupWorker = {
  /** Answers once the tables are built: the page knows the worker started. */
  ready: () => true,
  readTerminalInput,
};

export type LookupWorker = typeof lookupWorker;

expose(lookupWorker);
