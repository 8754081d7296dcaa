/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW, type RegisterSWOptions } from 'virtual:pwa-register';
import { createStore, type ReadableStore } from './store.ts';

export interface ServiceWorkerState {
  /** The app was just cached for the first time and now works without network. */
  readonly offlineReady: boolean;
  /** A new version is installed and waiting; it takes over only when asked to. */
  readonly needRefresh: boolean;
}

export interface ServiceWorkerBridge extends ReadableStore<ServiceWorkerState> {
  /** Lets the waiting version take over; the page reloads once it controls the page. */
  update(): Promise<void>;
  /** Hides the update offer until the next start or the next version. */
  dismissUpdate(): void;
  dismissOfflineReady(): void;
}

export type Register = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

export const idleServiceWorker: ServiceWorkerState = { offlineReady: false, needRefresh: false };

/** A shop tablet may keep the app open all day, so look for a new version now and then, not only at start. */
const updateCheckInterval = 60 * 60 * 1000;

/** Registers the generated worker on first use and turns its events into state. */
export function createServiceWorkerBridge(register: Register = registerSW): ServiceWorkerBridge {
  const state = createStore<ServiceWorkerState>(idleServiceWorker);
  const patch = (change: Partial<ServiceWorkerState>) => state.set({ ...state.getSnapshot(), ...change });
  let activate: ((reloadPage?: boolean) => Promise<void>) | null = null;

  function start() {
    activate ??= register({
      // After the page's load event: a first visit precaches the whole app (~700 KB), which must not compete with
      // the first screen's own files on a slow line.
      immediate: false,
      onOfflineReady: () => patch({ offlineReady: true }),
      onNeedRefresh: () => patch({ needRefresh: true }),
      onRegisteredSW: (_url, registration) => {
        if (registration) watchForUpdates(registration);
      },
    });
    return activate;
  }

  return {
    subscribe(listener) {
      start();
      return state.subscribe(listener);
    },
    getSnapshot: state.getSnapshot,
    update: () => start()(true),
    dismissUpdate: () => patch({ needRefresh: false }),
    dismissOfflineReady: () => patch({ offlineReady: false }),
  };
}

/** Checks for a new version hourly, on coming back online and on returning to the app; never while offline. */
function watchForUpdates(registration: ServiceWorkerRegistration) {
  const check = () => {
    if (!navigator.onLine || registration.installing) return;
    // A failed check (server down, captive portal) just waits for the next one.
    registration.update().catch(() => undefined);
  };
  setInterval(check, updateCheckInterval);
  window.addEventListener('online', check);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
