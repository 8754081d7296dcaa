/** Where the memory is kept: the app's injected Web Storage (localStorage in the browser). */
type NoticeStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Remembers that a one-time notice was shown. */
export interface NoticeMemory {
  wasShown(): boolean;
  markShown(): void;
}

export const offlineReadyKey = 'tapfix.offlineReadyShown';

/** Kept in the injected storage; when it is unavailable (private modes, quota) it forgets, so the notice may show again. */
export function storedNoticeMemory(storage: NoticeStorage | null, key: string): NoticeMemory {
  return {
    wasShown() {
      try {
        return storage?.getItem(key) != null;
      } catch {
        return false;
      }
    },
    markShown() {
      try {
        storage?.setItem(key, '1');
      } catch {
        // Unavailable storage only means the notice may show once more.
      }
    },
  };
}
