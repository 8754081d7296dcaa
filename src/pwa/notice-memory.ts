/** Remembers that a one-time notice was shown. */
export interface NoticeMemory {
  wasShown(): boolean;
  markShown(): void;
}

export const offlineReadyKey = 'tapfix.offlineReadyShown';

/** Backed by localStorage; when storage is unavailable (private modes, quota) it forgets, so the notice may show again. */
export function localNoticeMemory(key: string): NoticeMemory {
  return {
    wasShown() {
      try {
        return globalThis.localStorage.getItem(key) !== null;
      } catch {
        return false;
      }
    },
    markShown() {
      try {
        globalThis.localStorage.setItem(key, '1');
      } catch {
        // Unavailable storage only means the notice may show once more.
      }
    },
  };
}
