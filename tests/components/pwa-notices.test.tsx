import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import { createI18n } from '../../src/i18n/setup.ts';
import { PwaProvider, type PwaBridges } from '../../src/pwa/pwa-context.tsx';
import {
  createServiceWorkerBridge,
  type Register,
  type ServiceWorkerState,
} from '../../src/pwa/service-worker.ts';
import { createStore } from '../../src/pwa/store.ts';
import { PwaNotices } from '../../src/pwa/pwa-notices.tsx';
import { resources, text } from '../support/content.ts';

const pwa = (key: string, locale = 'zh-CN') => text(locale, 'pwa', key);

interface FakeOptions extends Partial<ServiceWorkerState> {
  online?: boolean;
  shownBefore?: boolean;
}

/** A service worker, a network and a memory the test controls. */
function fakeBrowser({
  offlineReady = false,
  preparing = false,
  needRefresh = false,
  online = true,
  shownBefore = false,
}: FakeOptions = {}) {
  const worker = createStore<ServiceWorkerState>({ offlineReady, preparing, needRefresh });
  const network = createStore(online);
  const remembered = { shown: shownBefore };
  const calls = { update: 0 };
  const bridges: PwaBridges = {
    serviceWorker: {
      subscribe: worker.subscribe,
      getSnapshot: worker.getSnapshot,
      update: async () => {
        calls.update += 1;
      },
      dismissUpdate: () => worker.set({ ...worker.getSnapshot(), needRefresh: false }),
      dismissOfflineReady: () => worker.set({ ...worker.getSnapshot(), offlineReady: false }),
    },
    connectivity: network,
    offlineReadyMemory: { wasShown: () => remembered.shown, markShown: () => void (remembered.shown = true) },
  };
  return { bridges, worker, network, remembered, calls };
}

async function renderNotices(bridges: PwaBridges, { canUpdateNow = true, language = 'zh-CN' as Language } = {}) {
  const i18n = await createI18n({ language, resources });
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <PwaProvider bridges={bridges}>
        <PwaNotices canUpdateNow={canUpdateNow} />
      </PwaProvider>
    </I18nextProvider>,
  );
  return { user, ...view };
}

describe('PwaNotices', () => {
  it('says once that the app is ready offline, and remembers that it said so', async () => {
    const browser = fakeBrowser();
    const { user } = await renderNotices(browser.bridges);
    expect(screen.queryByRole('status')).toBeNull();

    act(() => browser.worker.set({ offlineReady: true, preparing: false, needRefresh: false }));
    expect(screen.getByRole('status')).toHaveTextContent(pwa('offlineReady.title'));
    expect(browser.remembered.shown).toBe(true);

    await user.click(screen.getByRole('button', { name: pwa('offlineReady.dismiss') }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('stays quiet about offline readiness on a device that has seen the notice', async () => {
    await renderNotices(fakeBrowser({ offlineReady: true, shownBefore: true }).bridges);
    expect(screen.queryByText(pwa('offlineReady.title'))).toBeNull();
  });

  it('offers the update on the home screen and starts it on Update', async () => {
    const browser = fakeBrowser({ needRefresh: true });
    const { user } = await renderNotices(browser.bridges, { canUpdateNow: true });
    expect(screen.getByRole('status')).toHaveTextContent(pwa('update.title'));
    await user.click(screen.getByRole('button', { name: pwa('update.update') }));
    expect(browser.calls.update).toBe(1);
    expect(screen.getByRole('button', { name: pwa('update.updating') })).toBeDisabled();
  });

  it('mid-diagnosis only says an update waits, with no Update button', async () => {
    await renderNotices(fakeBrowser({ needRefresh: true }).bridges, { canUpdateNow: false });
    expect(screen.getByRole('status')).toHaveTextContent(pwa('update.afterDiagnosis'));
    expect(screen.queryByRole('button', { name: pwa('update.update') })).toBeNull();
    expect(screen.getByRole('button', { name: pwa('update.later') })).toBeVisible();
  });

  it('hides the update offer on Later', async () => {
    const { user } = await renderNotices(fakeBrowser({ needRefresh: true }).bridges);
    await user.click(screen.getByRole('button', { name: pwa('update.later') }));
    expect(screen.queryByText(pwa('update.title'))).toBeNull();
  });

  it('shows an offline badge while the network is gone, in the chosen language', async () => {
    const browser = fakeBrowser();
    await renderNotices(browser.bridges, { language: 'en' });
    expect(screen.queryByText(pwa('offline.badge', 'en'))).toBeNull();
    act(() => browser.network.set(false));
    expect(screen.getByRole('status')).toHaveTextContent(pwa('offline.badge', 'en'));
    act(() => browser.network.set(true));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('renders no literal text of its own', async () => {
    await renderNotices(fakeBrowser({ needRefresh: true, online: false }).bridges, { language: 'cimode' as Language });
    for (const status of screen.getAllByRole('status')) expect(status.textContent).not.toMatch(/[\u3400-\u9fff]/);
    expect(screen.getByRole('button', { name: 'update.update' })).toBeVisible();
  });

  it('says the app is not ready offline yet on a first visit, and warns not to reload once offline', async () => {
    const browser = fakeBrowser({ preparing: true });
    await renderNotices(browser.bridges);
    expect(screen.getByRole('status')).toHaveTextContent(pwa('preparing.badge'));
    act(() => browser.network.set(false));
    expect(screen.getByRole('status')).toHaveTextContent(pwa('offline.notReady'));
    act(() => browser.worker.set({ offlineReady: true, preparing: false, needRefresh: false }));
    expect(screen.queryByText(pwa('offline.notReady'))).toBeNull();
  });
});

/** A browser's service worker container and the plugin's register(), driven by the test. */
function fakeWorkerContainer({ controlled }: { controlled: boolean }) {
  const listeners: Array<() => void> = [];
  let options: Parameters<Register>[0] = {};
  const container = {
    controller: controlled ? {} : null,
    addEventListener: (_type: 'controllerchange', listener: () => void) => void listeners.push(listener),
  };
  const skipWaiting = { sent: 0 };
  const register: Register = (given) => {
    options = given;
    return async () => {
      skipWaiting.sent += 1;
    };
  };
  const reloads = { count: 0 };
  const bridge = createServiceWorkerBridge(register, container, () => void (reloads.count += 1));
  const takeOver = () => {
    container.controller = {};
    for (const listener of listeners) listener();
  };
  return { bridge, options: () => options, takeOver, skipWaiting, reloads };
}

describe('the service worker bridge', () => {
  it('says ready offline only once the first worker controls the page', () => {
    const browser = fakeWorkerContainer({ controlled: false });
    browser.bridge.subscribe(() => undefined);
    expect(browser.bridge.getSnapshot()).toMatchObject({ preparing: true, offlineReady: false });
    browser.options().onOfflineReady?.();
    expect(browser.bridge.getSnapshot()).toMatchObject({ preparing: true, offlineReady: false });
    browser.takeOver();
    expect(browser.bridge.getSnapshot()).toMatchObject({ preparing: false, offlineReady: true });
  });

  it('reloads only the window that asked for the update; another is offered it', async () => {
    const asking = fakeWorkerContainer({ controlled: true });
    const other = fakeWorkerContainer({ controlled: true });
    for (const window of [asking, other]) {
      window.bridge.subscribe(() => undefined);
      window.options().onNeedRefresh?.();
    }
    await asking.bridge.update();
    expect(asking.skipWaiting.sent).toBe(1);
    asking.takeOver();
    other.takeOver();
    expect(asking.reloads.count).toBe(1);
    expect(other.reloads.count).toBe(0);
    expect(other.bridge.getSnapshot().needRefresh).toBe(true);
    // The new version already runs there: its Update is a plain reload.
    await other.bridge.update();
    expect(other.reloads.count).toBe(1);
    expect(other.skipWaiting.sent).toBe(0);
  });
});
