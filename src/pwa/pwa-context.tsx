import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { browserConnectivity, type Connectivity } from './connectivity.ts';
import { offlineReadyKey, storedNoticeMemory, type NoticeMemory } from './notice-memory.ts';
import {
  createServiceWorkerBridge,
  idleServiceWorker,
  type ServiceWorkerBridge,
  type ServiceWorkerState,
} from './service-worker.ts';

/** Everything the UI needs from the browser's offline machinery; tests hand in fakes through PwaProvider. */
export interface PwaBridges {
  readonly serviceWorker: ServiceWorkerBridge;
  readonly connectivity: Connectivity;
  readonly offlineReadyMemory: NoticeMemory;
}

/** The browser's worker and network; the one-time notices are remembered in the app's storage. */
export function browserPwaBridges(storage: Parameters<typeof storedNoticeMemory>[0]): PwaBridges {
  return {
    serviceWorker: createServiceWorkerBridge(),
    connectivity: browserConnectivity,
    offlineReadyMemory: storedNoticeMemory(storage, offlineReadyKey),
  };
}

/** Until the app provides the browser's bridges (and on the server): no worker, a network, nothing to tell. */
const inertBridges: PwaBridges = {
  serviceWorker: {
    subscribe: () => () => undefined,
    getSnapshot: () => idleServiceWorker,
    update: async () => undefined,
    dismissUpdate: () => undefined,
    dismissOfflineReady: () => undefined,
  },
  connectivity: { subscribe: () => () => undefined, getSnapshot: () => true },
  offlineReadyMemory: { wasShown: () => true, markShown: () => undefined },
};

const PwaContext = createContext<PwaBridges>(inertBridges);

/** Replaces the real service worker, network status and storage below it (tests, stories). */
export function PwaProvider({ bridges, children }: { bridges: PwaBridges; children: ReactNode }) {
  return <PwaContext value={bridges}>{children}</PwaContext>;
}

export interface Pwa extends ServiceWorkerState {
  update(): Promise<void>;
  dismissUpdate(): void;
  dismissOfflineReady(): void;
}

/** The service worker's state and the actions on it. */
export function usePwa(): Pwa {
  const { serviceWorker } = useContext(PwaContext);
  const state = useSyncExternalStore(serviceWorker.subscribe, serviceWorker.getSnapshot, () => idleServiceWorker);
  return {
    ...state,
    update: serviceWorker.update,
    dismissUpdate: serviceWorker.dismissUpdate,
    dismissOfflineReady: serviceWorker.dismissOfflineReady,
  };
}

/** False only when the browser knows it has no network. */
export function useOnlineStatus(): boolean {
  const { connectivity } = useContext(PwaContext);
  return useSyncExternalStore(connectivity.subscribe, connectivity.getSnapshot, () => true);
}

/** The "ready to work offline" notice: visible the first time the app is cached, never again on this device. */
export function useOfflineReadyNotice(): { visible: boolean; dismiss: () => void } {
  const { offlineReadyMemory } = useContext(PwaContext);
  const { offlineReady, dismissOfflineReady } = usePwa();
  const [shownBefore] = useState(() => offlineReadyMemory.wasShown());
  const visible = offlineReady && !shownBefore;
  useEffect(() => {
    if (visible) offlineReadyMemory.markShown();
  }, [visible, offlineReadyMemory]);
  return { visible, dismiss: dismissOfflineReady };
}
