import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Resource } from 'i18next';
import type { Snapshot } from 'xstate';
import { App } from '../../src/app/app.tsx';
import type { Language } from '../../src/i18n/languages.ts';
import { createI18n } from '../../src/i18n/setup.ts';
import { memoryRecords, type RecordStorage } from '../../src/persistence/records.ts';
import type { KeyValueStorage } from '../../src/persistence/storage.ts';
import type { InstallBridge } from '../../src/pwa/install.ts';
import { PwaProvider, type PwaBridges } from '../../src/pwa/pwa-context.tsx';
import { createStore } from '../../src/pwa/store.ts';
import type { ShareBridge } from '../../src/ui/share-bridge.ts';
import { resources } from './content.ts';

/** A service worker that never has news, a network that is up, and a memory that forgets. */
export function quietBridges(overrides: Partial<PwaBridges> = {}): PwaBridges {
  const sw = createStore({ offlineReady: false, preparing: false, needRefresh: false });
  return {
    serviceWorker: {
      subscribe: sw.subscribe,
      getSnapshot: sw.getSnapshot,
      update: async () => undefined,
      dismissUpdate: () => sw.set({ ...sw.getSnapshot(), needRefresh: false }),
      dismissOfflineReady: () => sw.set({ ...sw.getSnapshot(), offlineReady: false }),
    },
    connectivity: { subscribe: () => () => undefined, getSnapshot: () => true },
    offlineReadyMemory: { wasShown: () => true, markShown: () => undefined },
    ...overrides,
  };
}

/** In-memory Web Storage stand-in. */
export function memoryStorage(): KeyValueStorage & { dump(): Record<string, string> } {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
    dump: () => Object.fromEntries(data),
  };
}

interface RenderOptions {
  language?: Language | 'cimode';
  snapshot?: Snapshot<unknown>;
  /** Preferences (localStorage in the browser). */
  storage?: KeyValueStorage | null;
  /** Saved diagnoses and history (IndexedDB in the browser); fresh and empty unless given. */
  records?: RecordStorage | null;
  durable?: boolean;
  bridges?: PwaBridges;
  /** Share sheet and clipboard; none by default, so the text-selection fallback applies. */
  share?: ShareBridge;
  now?: () => Date;
  contentVersion?: string;
  /** Content to load instead of content/ (e.g. a broken translation); the real files by default. */
  resources?: Resource;
  /** Content loads as in the browser (start content first, the rest when asked for) instead of all up front. */
  lazyContent?: boolean;
  /** What the browser offers for installing; the test environment's own (nothing) by default. */
  install?: InstallBridge;
}

/** Renders the whole app as a user meets it, with content loaded and effects swapped for quiet ones. */
export async function renderApp({
  language = 'zh-CN',
  snapshot,
  storage = null,
  records = memoryRecords(),
  durable = true,
  bridges = quietBridges(),
  share = {},
  now,
  contentVersion,
  resources: content = resources,
  lazyContent = false,
  install,
}: RenderOptions = {}) {
  const i18n = await createI18n({ language: language as Language, ...(lazyContent ? {} : { resources: content }) });
  const user = userEvent.setup();
  const view = render(
    <PwaProvider bridges={bridges}>
      <App
        i18n={i18n}
        settings={storage}
        records={records}
        durable={durable}
        snapshot={snapshot}
        share={share}
        {...(now ? { now } : {})}
        {...(contentVersion ? { contentVersion } : {})}
        {...(install ? { install } : {})}
      />
    </PwaProvider>,
  );
  return { user, i18n, records, ...view };
}
