/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW, type RegisterSWOptions } from 'virtual:pwa-register';
import { createStore, type ReadableStore } from './store.ts';

export interface ServiceWorkerState {
  /** This page is controlled by the worker that has just cached the whole app: it now works offline. */
  readonly offlineReady: boolean;
  /** First visit: the app is not cached yet, so it cannot open (or open its other pages) without a network. */
  readonly preparing: boolean;
  /** A new version is waiting, or already runs in another window; it is taken where a reload costs nothing. */
  readonly needRefresh: boolean;
}

export interface ServiceWorkerBridge extends ReadableStore<ServiceWorkerState> {
  /** Lets the new version take over and reloads this window only (other windows are offered it at home). */
  update(): Promise<void>;
  /** Hides the update offer until the next start or the next version. */
  dismissUpdate(): void;
  dismissOfflineReady(): void;
}

export type Register = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** What the worker's state is before anything is known (and on the server). */
export const idleServiceWorker: ServiceWorkerState = { offlineReady: false, preparing: false, needRefresh: false };

/** The slice of navigator.serviceWorker the bridge watches (injected in tests). */
export interface WorkerContainer {
  readonly controller: unknown;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

/** A shop tablet may keep the app open all day, so look for a new version now and then, not only at start. */
const updateCheckInterval = 60 * 60 * 1000;

const browserContainer = (): WorkerContainer | null =>
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : null;

/** Registers the generated worker on first use and turns its events into state. */
export function createServiceWorkerBridge(
  register: Register = registerSW,
  container: WorkerContainer | null = browserContainer(),
  reload: () => void = () => window.location.reload(),
): ServiceWorkerBridge {
  const state = createStore<ServiceWorkerState>({
    ...idleServiceWorker,
    // Without a controller this page came from the network: until the worker takes it, nothing is cached.
    preparing: container !== null && !container.controller,
  });
  const patch = (change: Partial<ServiceWorkerState>) => state.set({ ...state.getSnapshot(), ...change });
  let activate: ((reloadPage?: boolean) => Promise<void>) | null = null;
  /** This window pressed Update: only then does taking the new version reload it. */
  let asked = false;
  /** The new version already controls this page (another window took it): a reload is all that is left. */
  let replaced = false;
  let installed = false;
  let controlled = Boolean(container?.controller);

  const ready = () => {
    if (installed && controlled) patch({ offlineReady: true, preparing: false });
  };

  function start() {
    if (activate) return activate;
    container?.addEventListener('controllerchange', () => {
      const first = !controlled;
      controlled = true;
      if (first) {
        // The first worker claimed this page: every file it precached now answers here.
        ready();
      } else if (asked) {
        reload();
      } else {
        // Another window took the new version; this one keeps its diagnosis and is offered a reload at home.
        replaced = true;
        patch({ needRefresh: true });
      }
    });
    activate = register({
      // After the page's load event: a first visit precaches the whole app (~700 KB), which must not compete with
      // the first screen's own files on a slow line.
      immediate: false,
      onOfflineReady: () => {
        installed = true;
        ready();
      },
      onNeedRefresh: () => patch({ needRefresh: true }),
      // The plugin would reload every window; controllerchange above decides which one does.
      onNeedReload: () => undefined,
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        // A page loaded past the worker (a hard reload) while the app is cached: not a first visit.
        if (registration.active && !controlled) patch({ preparing: false });
        watchForUpdates(registration);
      },
      // A worker that could not register (offline, server down) caches nothing: the app stays not ready offline.
    });
    return activate;
  }

  return {
    subscribe(listener) {
      start();
      return state.subscribe(listener);
    },
    getSnapshot: state.getSnapshot,
    update: async () => {
      asked = true;
      if (replaced) {
        reload();
        return;
      }
      await start()(true);
    },
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
