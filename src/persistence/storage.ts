/** The slice of Web Storage we use; injected so tests and private mode can swap it. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * localStorage when the browser lets us read it (it throws in some private modes), else null. A full storage
 * is still returned: what it holds is read, and each write says for itself whether it was kept.
 */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = globalThis.localStorage;
    storage.getItem('tapfix.probe');
    return storage;
  } catch {
    return null;
  }
}
