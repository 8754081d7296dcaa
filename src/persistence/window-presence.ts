/**
 * Which of the app's windows are open, through the Web Locks API: each window holds a lock named after its id for
 * as long as it lives, and the browser lets go of it when the window closes or crashes. Used to tell a save that
 * another open window runs from one that was left behind.
 */
const lockName = (owner: string) => `tapfix.window.${owner}`;

type Locks = Pick<LockManager, 'request' | 'query'>;

const browserLocks = (): Locks | null =>
  typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;

/** Holds this window's lock until it closes. */
export function announceWindow(owner: string, locks: Locks | null = browserLocks()): void {
  locks?.request(lockName(owner), () => new Promise<void>(() => undefined)).catch(() => undefined);
}

/** True when the window with that id is still open; false where the browser cannot tell. */
export async function windowIsOpen(owner: string | null, locks: Locks | null = browserLocks()): Promise<boolean> {
  if (!owner || !locks) return false;
  try {
    const { held = [] } = await locks.query();
    return held.some((lock) => lock.name === lockName(owner));
  } catch {
    return false;
  }
}
