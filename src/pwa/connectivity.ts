import type { ReadableStore } from './store.ts';

/** Whether the browser believes it has a network; true means "maybe", false means "surely not". */
export type Connectivity = ReadableStore<boolean>;

/** navigator.onLine, kept current by the window's online/offline events. */
export const browserConnectivity: Connectivity = {
  subscribe(listener) {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
    };
  },
  getSnapshot: () => navigator.onLine,
};
