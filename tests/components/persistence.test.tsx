import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { diagnosisPrefix } from '../../src/persistence/diagnosis-store.ts';
import { historyPrefix } from '../../src/persistence/history-store.ts';
import { memoryRecords, type RecordBackend } from '../../src/persistence/records.ts';
import { createRecordStorage } from '../../src/persistence/records.ts';
import { stepInfo } from '../../src/domain/diagnosis/steps.ts';
import { text } from '../support/content.ts';
import { renderApp } from '../support/render-app.tsx';

const common = (key: string) => text('zh-CN', 'common', key);
const steps = (key: string) => text('zh-CN', 'steps', key);
const heading = () => screen.getByRole('heading', { level: 1 });
const startsWith = (value: string) => new RegExp(`^${value}`);

type Render = Awaited<ReturnType<typeof renderApp>>;
type Records = ReturnType<typeof memoryRecords>;

/** The saved diagnoses as a reload would find them. */
const saves = (records: Records) =>
  Object.entries(records.dump())
    .filter(([key]) => key.startsWith(diagnosisPrefix))
    .map(([, value]) => JSON.parse(value) as { id: string; snapshot: { value: unknown } });
const historyEntries = (records: Records) => Object.keys(records.dump()).filter((key) => key.startsWith(historyPrefix));

async function startGuided({ user }: Render) {
  await user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
}

async function answer({ user }: Render, key: string) {
  await user.click(screen.getByRole('button', { name: steps(key) }));
}

describe('a reload in the middle of a diagnosis', () => {
  it('offers to continue where it stopped, with the same answers', async () => {
    const records = memoryRecords();
    const first = await renderApp({ records });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    await answer(first, 'scope.cards.options.all');
    expect(heading()).toHaveTextContent(steps('network.signal.title'));
    expect(saves(records)).toHaveLength(1);
    first.unmount();

    const second = await renderApp({ records });
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

  it('follows a link to another step, which starts a new diagnosis there and keeps the saved one', async () => {
    const records = memoryRecords();
    const first = await renderApp({ records });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    first.unmount();

    history.replaceState(null, '', '#/code/N2');
    const second = await renderApp({ records });
    expect(heading()).toHaveTextContent(steps('network.fix.title'));
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
    await answer(second, 'network.fix.options.notFixed');
    expect(saves(records).map((save) => save.snapshot.value)).toEqual(
      expect.arrayContaining([{ scope: 'cards' }, { network: 'otherDevices' }]),
    );
  });

  it('a reload of its own address offers the save instead of opening the step afresh', async () => {
    const records = memoryRecords();
    const first = await renderApp({ records });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    first.unmount();
    // What a reload keeps: the app's own history entry, with its address.
    expect(location.hash).toBe('#/step/scope.cards');
    await renderApp({ records });
    expect(heading()).toHaveTextContent(common('home.title'));
    expect(screen.getByRole('region', { name: common('resume.title') })).toBeVisible();
  });

  it('starts over when asked, and forgets the save no open window runs', async () => {
    const records = memoryRecords();
    const first = await renderApp({ records });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    first.unmount();

    const second = await renderApp({ records });
    await second.user.click(screen.getByRole('button', { name: common('resume.startOver') }));
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
    expect(heading()).toHaveTextContent(common('home.title'));
    await waitFor(() => expect(saves(records)).toEqual([]));
  });

  it('offers nothing after a restart, which clears the save', async () => {
    const records = memoryRecords();
    const first = await renderApp({ records });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    await first.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    expect(saves(records)).toEqual([]);
    first.unmount();

    await renderApp({ records });
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
  });

  it('moves a finished diagnosis into history once, and offers nothing to continue', async () => {
    const records = memoryRecords();
    const view = await renderApp({ records });
    await startGuided(view);
    await answer(view, 'gate.charged.options.declined');
    await answer(view, 'scope.cards.options.one');
    await answer(view, 'wallet.device.options.phone');
    await answer(view, 'wallet.unlock.options.fixed');
    expect(heading()).toHaveTextContent(steps('done.resolved.title'));
    expect(saves(records)).toEqual([]);
    expect(historyEntries(records)).toHaveLength(1);

    // Changing the language re-renders the outcome; it is still one entry.
    await view.user.click(screen.getByRole('button', { name: 'English, EN' }));
    expect(historyEntries(records)).toHaveLength(1);
    view.unmount();

    // A reload of the outcome shows it again, and adds nothing to history.
    await renderApp({ records });
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
    expect(heading()).toHaveTextContent(steps('done.resolved.title'));
    expect(historyEntries(records)).toHaveLength(1);
  });

  it('a link to an outcome shows it without writing history', async () => {
    const records = memoryRecords();
    history.replaceState(null, '', `#/code/${stepInfo('done.resolved').code}`);
    await renderApp({ records });
    expect(heading()).toHaveTextContent(steps('done.resolved.title'));
    expect(historyEntries(records)).toEqual([]);
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
    const records = memoryRecords();
    await renderApp({ records });
    // Clicks without waiting after them: the save, which waits for an idle moment, has not been written yet.
    fireEvent.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
    fireEvent.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    try {
      leave();
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
    }
    expect(saves(records).map((save) => save.snapshot.value)).toEqual([{ scope: 'cards' }]);
  });
});

describe('a saved diagnosis that cannot be used', () => {
  const cases: Array<[string, string]> = [
    ['corrupted', '{"schema":2,"snapsh'],
    ['from an older version', JSON.stringify({ schema: 1, content: 'x', savedAt: '2026-01-01T00:00:00.000Z' })],
  ];

  it.each(cases)('starts clean with a one-line notice when it is %s, and keeps it aside', async (_, raw) => {
    const records = memoryRecords({ [`${diagnosisPrefix}abcdefgh`]: raw });
    const view = await renderApp({ records });
    expect(heading()).toHaveTextContent(common('home.title'));
    expect(screen.getByText(common('storage.discarded'))).toBeVisible();
    expect(screen.queryByRole('region', { name: common('resume.title') })).toBeNull();
    expect(records.dump()).toEqual({ 'tapfix.backup.diagnosis.abcdefgh': raw });

    // The notice goes once the merchant moves on.
    await startGuided(view);
    await view.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    expect(screen.queryByText(common('storage.discarded'))).toBeNull();
  });

  it('starts clean when it was made with other wording', async () => {
    const records = memoryRecords();
    const first = await renderApp({ records, contentVersion: 'wording-1' });
    await startGuided(first);
    first.unmount();
    await renderApp({ records, contentVersion: 'wording-2' });
    expect(screen.getByText(common('storage.discarded'))).toBeVisible();
  });
});

/** Records whose backend refuses every write from now on (storage full), but still holds what it had. */
function fullRecords(initial: Record<string, string> = {}) {
  const backend: RecordBackend = {
    write: () => {
      throw new DOMException('quota', 'QuotaExceededError');
    },
  };
  return createRecordStorage(new Map(Object.entries(initial)), backend);
}

describe('a device that cannot keep progress', () => {
  it('still runs the diagnosis and says quietly that progress will not be kept', async () => {
    const view = await renderApp({ records: memoryRecords(), durable: false });
    expect(screen.getByText(common('storage.unavailable'))).toBeVisible();
    await startGuided(view);
    await answer(view, 'gate.charged.options.declined');
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    expect(screen.getByText(common('storage.unavailable'))).toBeVisible();
  });

  it('still shows what was saved when storage is full, and says so once a save fails', async () => {
    const records = memoryRecords();
    const first = await renderApp({ records });
    await startGuided(first);
    await answer(first, 'gate.charged.options.declined');
    first.unmount();

    const view = await renderApp({ records: fullRecords(records.dump()) });
    expect(screen.queryByText(common('storage.notSaved'))).toBeNull();
    await view.user.click(screen.getByRole('button', { name: common('resume.continue') }));
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    await answer(view, 'scope.cards.options.all');
    expect(await screen.findByText(common('storage.notSaved'))).toBeVisible();
  });

  it('says so when a finished diagnosis could not be kept in history', async () => {
    const view = await renderApp({ records: fullRecords() });
    await startGuided(view);
    await answer(view, 'gate.charged.options.paid');
    expect(heading()).toHaveTextContent(steps('done.paid.title'));
    expect(await screen.findByText(common('storage.historyNotKept'))).toBeVisible();
  });
});
