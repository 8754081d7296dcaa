/**
 * Where saved diagnoses and history live: a copy in memory that the app reads synchronously, written through to
 * a backend (IndexedDB in the browser, see idb-records.ts) and shared with the app's other windows. Every window
 * holds the same records: a write here is told to the others once it is stored, and theirs to us.
 */
import type { KeyValueStorage } from './storage.ts';

/** A change to one record: the new text, or null when it was removed. */
export type RecordChange = readonly [key: string, value: string | null];

/** Where records are kept. write() resolves once the change is stored (or throws/rejects when it was not). */
export interface RecordBackend {
  write(change: RecordChange): Promise<void> | void;
}

/** How the app's windows hear each other (BroadcastChannel in the browser). */
export interface RecordChannel {
  post(change: RecordChange): void;
  listen(listener: (change: RecordChange) => void): () => void;
}

export interface RecordStorage {
  get(key: string): string | null;
  /** Every key that starts with prefix. */
  keys(prefix: string): string[];
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Another window changed key (the change is already here). */
  onRemoteChange(listener: (key: string) => void): () => void;
  /** Keys whose latest write could not be stored (quota, storage gone); cleared by a later write that is. */
  failed(): ReadonlySet<string>;
  onFailedChange(listener: () => void): () => void;
  /** Resolves when every write made so far has been stored or has failed. */
  settled(): Promise<void>;
}

/** Records over a backend, starting from what the backend held when it was opened. */
export function createRecordStorage(
  initial: ReadonlyMap<string, string>,
  backend: RecordBackend,
  channel: RecordChannel | null = null,
): RecordStorage {
  const records = new Map(initial);
  const remoteListeners = new Set<(key: string) => void>();
  const failedListeners = new Set<() => void>();
  let failed: ReadonlySet<string> = new Set();
  let pending: Promise<void> = Promise.resolve();

  const markFailed = (key: string, failing: boolean) => {
    if (failed.has(key) === failing) return;
    const next = new Set(failed);
    if (failing) next.add(key);
    else next.delete(key);
    failed = next;
    for (const listener of [...failedListeners]) listener();
  };

  function write(change: RecordChange) {
    const [key, value] = change;
    if (value === null) records.delete(key);
    else records.set(key, value);
    const stored = () => {
      markFailed(key, false);
      channel?.post(change);
    };
    const refused = () => markFailed(key, true);
    try {
      const result = backend.write(change);
      if (result) pending = Promise.all([pending, result.then(stored, refused)]).then(() => undefined);
      else stored();
    } catch {
      refused();
    }
  }

  channel?.listen((change) => {
    const [key, value] = change;
    if (value === null) records.delete(key);
    else records.set(key, value);
    for (const listener of [...remoteListeners]) listener(key);
  });

  return {
    get: (key) => records.get(key) ?? null,
    keys: (prefix) => [...records.keys()].filter((key) => key.startsWith(prefix)),
    set: (key, value) => write([key, value]),
    remove: (key) => {
      if (records.has(key)) write([key, null]);
    },
    onRemoteChange(listener) {
      remoteListeners.add(listener);
      return () => void remoteListeners.delete(listener);
    },
    failed: () => failed,
    onFailedChange(listener) {
      failedListeners.add(listener);
      return () => void failedListeners.delete(listener);
    },
    settled: () => pending,
  };
}

/** Keys a Web Storage holds under a prefix (localStorage, or a test's stand-in with the same methods). */
function webStorageKeys(storage: KeyValueStorage & { readonly length?: number; key?(index: number): string | null }) {
  const keys: string[] = [];
  for (let index = 0; index < (storage.length ?? 0); index += 1) {
    const key = storage.key?.(index);
    if (key) keys.push(key);
  }
  return keys;
}

/**
 * Records kept in Web Storage: where IndexedDB cannot be opened. It survives a reload, not always a killed
 * browser (localStorage reaches the disk lazily). Reads what it can even when writes fail.
 */
export function webStorageRecords(
  storage: KeyValueStorage & { readonly length?: number; key?(index: number): string | null },
  prefixes: readonly string[],
  channel: RecordChannel | null = null,
): RecordStorage {
  const initial = new Map<string, string>();
  try {
    for (const key of webStorageKeys(storage)) {
      const value = prefixes.some((prefix) => key.startsWith(prefix)) ? storage.getItem(key) : null;
      if (value !== null) initial.set(key, value);
    }
  } catch {
    // Unreadable storage: start empty, writes will say whether anything can be kept.
  }
  const backend: RecordBackend = {
    write: ([key, value]) => (value === null ? storage.removeItem(key) : storage.setItem(key, value)),
  };
  return createRecordStorage(initial, backend, channel);
}

/** Records that live in memory only (tests, the build's prerender, or a browser that keeps nothing). */
export function memoryRecords(initial: Readonly<Record<string, string>> = {}, channel: RecordChannel | null = null) {
  const data = new Map(Object.entries(initial));
  const backend: RecordBackend = {
    write: ([key, value]) => void (value === null ? data.delete(key) : data.set(key, value)),
  };
  return Object.assign(createRecordStorage(data, backend, channel), {
    /** What the backend holds (what a reload would find). */
    dump: () => Object.fromEntries(data),
  });
}

/** A BroadcastChannel between the app's windows; null where the browser has none. */
export function broadcastRecordChannel(name = 'tapfix.records'): RecordChannel | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const channel = new BroadcastChannel(name);
  return {
    post: (change) => channel.postMessage(change),
    listen(listener) {
      const onMessage = (event: MessageEvent<unknown>) => {
        const data = event.data;
        if (!Array.isArray(data) || typeof data[0] !== 'string') return;
        if (!(typeof data[1] === 'string' || data[1] === null)) return;
        listener([data[0], data[1]]);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
