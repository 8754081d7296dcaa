import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { diagnosisKey } from '../../src/persistence/diagnosis-store.ts';
import { historyKey } from '../../src/persistence/history-store.ts';
import type { KeyValueStorage } from '../../src/persistence/storage.ts';
import { stepInfo } from '../../src/domain/diagnosis/steps.ts';
import { text } from '../support/content.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';
import { throwingStorage } from '../support/storage.ts';

const common = (key: string) => text('zh-CN', 'common', key);
const steps = (key: string) => text('zh-CN', 'steps', key);
const heading = () => screen.getByRole('heading', { level: 1 });
const startsWith = (value: string) => new RegExp(`^${value}`);

type Render = Awaited<ReturnType<typeof renderApp>>;

async function startGuided({ user }: Render) {
  await user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
}

async function answer({ user }: Render, key: string) {
  await user.click(screen.getByRole('button', { name: steps(key) }));
}

describe('a reload in the middle of a diagnosis', () => {
  it('offers to continue where it stopped, with the same answers', async () => {
    const storage = memoryStorage();
    const first = await renderApp({ storage });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    await answer(first, 'scope.cards.options.all');
    expect(heading()).toHaveTextContent(steps('network.signal.title'));
    expect(storage.dump()[diagnosisKey]).toBeDefined();
    first.unmount();

    const second = await renderApp({ storage });
    expect(heading()).toHaveTextContent(common('home.title'));
    const prompt = screen.getByRole('region', { name: common('resume.title') });
    expect(prompt).toHaveTextContent(stepInfo('network.signal').code);
    expect(prompt).toHaveTextContent(steps('network.signal.title'));

    await second.user.click(within(prompt).getByRole('button', { name: common('resume.continue') }));
    expect(heading()).toHaveTextContent(steps('network.signal.title'));
    await second.user.click(screen.getByText(new RegExp(common('step.trailTitle'))));
    expect(screen.getByText(steps('gate.charged.options.declined'))).toBeVisible();
    expect(screen.getByText(steps('scope.cards.options.all'))).toBeVisible();

    // Back still walks the restored trail.
    await second.user.click(screen.getByRole('button', { name: common('nav.back') }));
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
  });

  it('follows a link to another step, which starts a new diagnosis there', async () => {
    const storage = memoryStorage();
    const first = await renderApp({ storage });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    first.unmount();

    history.replaceState(null, '', '#/code/N2');
    await renderApp({ storage });
    expect(heading()).toHaveTextContent(steps('network.fix.title'));
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
  });

  it('starts over when asked, and forgets the saved diagnosis', async () => {
    const storage = memoryStorage();
    const first = await renderApp({ storage });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    first.unmount();

    const second = await renderApp({ storage });
    await second.user.click(screen.getByRole('button', { name: common('resume.startOver') }));
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
    expect(heading()).toHaveTextContent(common('home.title'));
    expect(storage.dump()[diagnosisKey]).toBeUndefined();
  });

  it('offers nothing after a restart, which clears the save', async () => {
    const storage = memoryStorage();
    const first = await renderApp({ storage });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    await first.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    expect(storage.dump()[diagnosisKey]).toBeUndefined();
    first.unmount();

    await renderApp({ storage });
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
  });

  it('moves a finished diagnosis into history once, and offers nothing to continue', async () => {
    const storage = memoryStorage();
    const view = await renderApp({ storage });
    await startGuided(view);
    await answer(view, 'gate.charged.options.declined');
    await answer(view, 'scope.cards.options.one');
    await answer(view, 'balance.check.options.yes');
    await answer(view, 'balance.fix.options.fixed');
    expect(heading()).toHaveTextContent(steps('done.resolved.title'));
    expect(storage.dump()[diagnosisKey]).toBeUndefined();
    const history = JSON.parse(storage.dump()[historyKey] ?? '{}') as { entries: unknown[] };
    expect(history.entries).toHaveLength(1);

    // Changing the language re-renders the outcome; it is still one entry.
    await view.user.click(screen.getByRole('button', { name: 'English, EN' }));
    expect(JSON.parse(storage.dump()[historyKey] ?? '{}').entries).toHaveLength(1);
    view.unmount();

    await renderApp({ storage });
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
  });
});

describe('a page left right after an answer', () => {
  const ways: Array<[string, () => void]> = [
    [
      'hidden (another app in front)',
      () => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
    ['closed', () => window.dispatchEvent(new Event('pagehide'))],
  ];

  it.each(ways)('keeps the step just reached when the page is %s before the save was written', async (_, leave) => {
    const storage = memoryStorage();
    await renderApp({ storage });
    // Clicks without waiting after them: the save, which waits for an idle moment, has not been written yet.
    fireEvent.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
    fireEvent.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    try {
      leave();
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
    }
    const saved = JSON.parse(storage.dump()[diagnosisKey] ?? '{}') as { snapshot?: { value?: unknown } };
    expect(saved.snapshot?.value).toEqual({ scope: 'cards' });
  });
});

describe('a saved diagnosis that cannot be used', () => {
  const cases: Array<[string, string]> = [
    ['corrupted', '{"schema":2,"snapsh'],
    ['from an older version', JSON.stringify({ schema: 1, content: 'x', savedAt: '2026-01-01T00:00:00.000Z' })],
  ];

  it.each(cases)('starts clean with a one-line notice when it is %s', async (_, raw) => {
    const storage = memoryStorage();
    storage.setItem(diagnosisKey, raw);
    const view = await renderApp({ storage });
    expect(heading()).toHaveTextContent(common('home.title'));
    expect(screen.getByText(common('storage.discarded'))).toBeVisible();
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
    expect(storage.dump()[diagnosisKey]).toBeUndefined();

    // The notice goes once the merchant moves on.
    await startGuided(view);
    await view.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    expect(screen.queryByText(common('storage.discarded'))).toBeNull();
  });

  it('starts clean when it was made with other wording', async () => {
    const storage = memoryStorage();
    const first = await renderApp({ storage, contentVersion: 'wording-1' });
    await startGuided(first);
    first.unmount();
    await renderApp({ storage, contentVersion: 'wording-2' });
    expect(screen.getByText(common('storage.discarded'))).toBeVisible();
  });
});

describe('a device that cannot keep progress', () => {
  it('still runs the diagnosis and says quietly that progress will not be kept', async () => {
    const view = await renderApp({ storage: throwingStorage });
    expect(screen.getByText(common('storage.unavailable'))).toBeVisible();
    await startGuided(view);
    await answer(view, 'gate.charged.options.declined');
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    expect(screen.getByText(common('storage.unavailable'))).toBeVisible();
  });

  it('says so once a save fails (storage full)', async () => {
    const storage = memoryStorage();
    const full: KeyValueStorage = {
      ...storage,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const view = await renderApp({ storage: full });
    expect(screen.queryByText(common('storage.unavailable'))).toBeNull();
    await startGuided(view);
    expect(screen.getByText(common('storage.unavailable'))).toBeVisible();
  });
});
