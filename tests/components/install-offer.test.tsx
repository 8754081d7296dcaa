import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import { memoryRecords } from '../../src/persistence/records.ts';
import type { InstallBridge, InstallOutcome, InstallRoute } from '../../src/pwa/install.ts';
import { createStore } from '../../src/pwa/store.ts';
import { text } from '../support/content.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';

const common = (key: string, locale = 'zh-CN') => text(locale, 'common', key);
const steps = (key: string, locale = 'zh-CN') => text(locale, 'steps', key);
const pwa = (key: string, locale = 'zh-CN') => text(locale, 'pwa', key);

/** A browser whose install route the test sets, and whose own prompt answers with `outcome`. */
function fakeInstall(initial: InstallRoute, outcome: InstallOutcome = 'accepted') {
  const route = createStore<InstallRoute>(initial);
  const calls = { prompt: 0 };
  const bridge: InstallBridge = {
    subscribe: route.subscribe,
    getSnapshot: route.getSnapshot,
    prompt: async () => {
      calls.prompt += 1;
      route.set(null);
      return outcome;
    },
  };
  return { bridge, route, calls };
}

type Render = Awaited<ReturnType<typeof renderApp>>;

/** The guided path from home to its outcome; `onStep` runs on every question on the way. */
async function finishDiagnosis({ user }: Render, locale = 'zh-CN', onStep: () => void = () => undefined) {
  await user.click(screen.getByRole('button', { name: new RegExp(`^${common('home.start', locale)}`) }));
  for (const key of [
    'gate.charged.options.declined',
    'scope.cards.options.one',
    'wallet.device.options.phone',
    'wallet.unlock.options.fixed',
  ]) {
    onStep();
    await user.click(screen.getByRole('button', { name: steps(key, locale) }));
  }
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(steps('done.resolved.title', locale));
}

/** Closes the app and comes back later to its root address, as a merchant opening it again would. */
function closeApp(view: Render) {
  view.unmount();
  history.replaceState(null, '', '/');
}

const offer = (title = pwa('install.title')) => screen.queryByRole('region', { name: title });
const day = 24 * 60 * 60 * 1000;

describe('the install offer', () => {
  it('comes after a finished diagnosis, below its answer, and never while it runs', async () => {
    const install = fakeInstall('prompt');
    const view = await renderApp({ storage: memoryStorage(), install: install.bridge });
    expect(offer(), 'not on a first home screen').toBeNull();
    await finishDiagnosis(view, 'zh-CN', () => expect(offer(), 'not mid-diagnosis').toBeNull());

    const shown = offer();
    expect(shown).not.toBeNull();
    const newDiagnosis = screen.getByRole('button', { name: common('step.newDiagnosis') });
    // In the page after the outcome's own buttons, not over them.
    expect(newDiagnosis.compareDocumentPosition(shown as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await view.user.click(within(shown as HTMLElement).getByRole('button', { name: pwa('install.add') }));
    expect(install.calls.prompt).toBe(1);
    expect(offer(), 'installed: nothing left to offer').toBeNull();
  });

  it('once turned down, stays away for 90 days, on the outcome and on home alike', async () => {
    const storage = memoryStorage();
    // Saved diagnoses and history stay across visits, like the browser's IndexedDB.
    const records = memoryRecords();
    let now = new Date('2025-03-01T10:00:00Z');
    const clock = () => now;
    const first = await renderApp({ storage, records, install: fakeInstall('prompt').bridge, now: clock });
    await finishDiagnosis(first);
    await first.user.click(screen.getByRole('button', { name: pwa('install.later') }));
    expect(offer()).toBeNull();
    closeApp(first);

    now = new Date(now.getTime() + 30 * day);
    const second = await renderApp({ storage, records, install: fakeInstall('prompt').bridge, now: clock });
    expect(offer(), 'home, a month later').toBeNull();
    await finishDiagnosis(second);
    expect(offer(), 'outcome, a month later').toBeNull();
    closeApp(second);

    now = new Date(now.getTime() + 61 * day);
    await renderApp({ storage, records, install: fakeInstall('prompt').bridge, now: clock });
    // A diagnosis has finished here before: home offers it, at its foot.
    expect(offer(), 'home, three months later').not.toBeNull();
  });

  it('a merchant who declines the browser prompt is not asked again soon', async () => {
    const storage = memoryStorage();
    const view = await renderApp({ storage, install: fakeInstall('prompt', 'dismissed').bridge });
    await finishDiagnosis(view);
    await view.user.click(screen.getByRole('button', { name: pwa('install.add') }));
    expect(Object.keys(storage.dump())).toContain('tapfix.installOfferDismissed');
  });

  for (const locale of ['zh-CN', 'en', 'zh-Hant'] as const satisfies readonly Language[]) {
    it(`Safari on an iPhone gets the two steps through Share; an in-app browser, the way out (${locale})`, async () => {
      const ios = await renderApp({ language: locale, storage: memoryStorage(), install: fakeInstall('ios').bridge });
      await finishDiagnosis(ios, locale);
      const guide = offer(pwa('install.ios.title', locale));
      expect(guide).not.toBeNull();
      const [share, add] = within(guide as HTMLElement).getAllByRole('listitem');
      expect(share).toHaveTextContent(pwa('install.ios.share', locale));
      expect(add).toHaveTextContent(pwa('install.ios.add', locale));
      closeApp(ios);

      const wechat = await renderApp({
        language: locale,
        storage: memoryStorage(),
        install: fakeInstall('inApp').bridge,
      });
      await finishDiagnosis(wechat, locale);
      const way = offer(pwa('install.inApp.title', locale));
      expect(way).toHaveTextContent(pwa('install.inApp.detail', locale));
      await wechat.user.click(within(way as HTMLElement).getByRole('button', { name: pwa('install.dismiss', locale) }));
      expect(offer(pwa('install.inApp.title', locale))).toBeNull();
    });
  }
});
