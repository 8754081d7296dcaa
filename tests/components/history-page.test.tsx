import { screen, within } from '@testing-library/react';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildCaseSummary } from '../../src/domain/case/case-summary.ts';
import { currentStep, getDiagnosisMachine } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { onScreen, type Scripted } from '../support/replay.ts';
import { stepInfo } from '../../src/domain/diagnosis/steps.ts';
import { createHistoryStore, historyPrefix } from '../../src/persistence/history-store.ts';
import { memoryRecords } from '../../src/persistence/records.ts';
import { text } from '../support/content.ts';
import { renderApp } from '../support/render-app.tsx';

const diagnosisMachine = getDiagnosisMachine();

const common = (key: string) => text('zh-CN', 'common', key);
const steps = (key: string) => text('zh-CN', 'steps', key);
const summary = (key: string) => text('zh-CN', 'summary', key);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => values[name] ?? '');
const answer = (id: string) => ({ type: `answer.${id}` }) as Scripted;

/** A finished diagnosis, run on the real machine. */
function finished(events: readonly Scripted[], minute: number) {
  const actor = createActor(diagnosisMachine).start();
  for (const event of events) actor.send(onScreen(actor, event));
  const snapshot = actor.getSnapshot();
  return buildCaseSummary({
    context: snapshot.context,
    currentStep: currentStep(snapshot),
    startedAt: snapshot.context.startedAt,
    endedAt: new Date(Date.UTC(2026, 10, 25, 9, minute)),
    appVersion: '0.1.0',
    contentVersion: 'c1',
  });
}

const start = { type: 'diagnosis.start', at: '2026-11-25T09:00:00.000Z' } as const;
/** Fixed by a new network connection. */
const resolved = () => finished([start, answer('declined'), answer('all'), answer('problem'), answer('fixed')], 10);
/** Started from response code 14 (card state), ends with the issuer: the card is blocked. */
const escalated = () =>
  finished(
    [
      {
        type: 'symptom.matched',
        at: '2026-11-25T09:20:00.000Z',
        match: {
          category: 'card_state',
          code: '14',
          message: null,
          step: 'card.status',
          unknownOutcome: false,
          via: 'code',
        },
      },
      answer('continue'),
      answer('blocked'),
    ],
    25,
  );

async function openHistory(records = memoryRecords()) {
  const view = await renderApp({ records });
  await view.user.click(screen.getByRole('button', { name: common('menu.open') }));
  await view.user.click(screen.getByRole('button', { name: new RegExp(`^${common('menu.history')}`) }));
  // The page loads on first use.
  await screen.findByRole('heading', { level: 1, name: common('history.title') });
  return view;
}

function withHistory() {
  const records = memoryRecords();
  const history = createHistoryStore(records, { now: () => new Date() });
  history.add(resolved());
  history.add(escalated());
  return records;
}

const storedEntries = (records: ReturnType<typeof memoryRecords>) =>
  Object.keys(records.dump()).filter((key) => key.startsWith(historyPrefix));

const entries = () => within(screen.getByRole('list')).getAllByRole('listitem');

describe('the history of finished diagnoses', () => {
  it('lists the last diagnoses, newest first: when, how it started and how it ended', async () => {
    await openHistory(withHistory());
    expect(screen.getByRole('heading', { level: 1, name: common('history.title') })).toHaveFocus();
    const [newest, older] = entries();
    expect(newest).toHaveTextContent(
      fill(summary('via.code'), { code: '14', meaning: text('zh-CN', 'codes', '14.meaning') }),
    );
    expect(newest).toHaveTextContent(fill(common('history.escalated'), { who: common('escalateTo.issuer') }));
    expect(newest).toHaveTextContent(steps('done.cardBlocked.title'));
    expect(older).toHaveTextContent(summary('via.guided'));
    expect(older).toHaveTextContent(common('history.resolved'));
    expect(older).toHaveTextContent(/2026/);
  });

  it('opens one to read its full summary, and goes back to the list', async () => {
    const { user } = await openHistory(withHistory());
    const older = entries()[1] as HTMLElement;
    await user.click(within(older).getByRole('button', { name: common('history.open') }));
    expect(screen.getByRole('heading', { level: 1, name: common('history.detailTitle') })).toHaveFocus();
    const summaryText = document.querySelector('.summary-text');
    expect(summaryText).toHaveTextContent(summary('title'));
    expect(summaryText).toHaveTextContent(steps('network.fix.title'));
    expect(summaryText).toHaveTextContent(`[${stepInfo('done.resolved').code}]`);
    await user.click(screen.getByRole('button', { name: common('history.backToList') }));
    expect(entries()).toHaveLength(2);
  });

  it('deletes one after an inline confirmation, and keeps it when cancelled', async () => {
    const records = withHistory();
    const { user } = await openHistory(records);
    const newest = () => entries()[0] as HTMLElement;

    await user.click(within(newest()).getByRole('button', { name: common('history.delete') }));
    expect(within(newest()).getByText(common('history.deleteConfirm'))).toBeVisible();
    await user.click(within(newest()).getByRole('button', { name: common('history.cancel') }));
    expect(entries()).toHaveLength(2);

    await user.click(within(newest()).getByRole('button', { name: common('history.delete') }));
    await user.click(within(newest()).getByRole('button', { name: common('history.confirmDelete') }));
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toHaveTextContent(summary('via.guided'));
    expect(storedEntries(records)).toHaveLength(1);
  });

  it('clears them all after confirming, then says there is nothing yet', async () => {
    const records = withHistory();
    const { user } = await openHistory(records);
    await user.click(screen.getByRole('button', { name: common('history.clear') }));
    expect(screen.getByText(fill(common('history.clearConfirm'), { count: '2' }))).toBeVisible();
    await user.click(screen.getByRole('button', { name: common('history.confirmClear') }));
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText(common('history.empty'))).toBeVisible();
    expect(storedEntries(records)).toEqual([]);
  });

  it('says there is nothing yet on a new device', async () => {
    await openHistory();
    expect(screen.getByText(common('history.empty'))).toBeVisible();
  });

  it('sets an unreadable entry aside (never deletes it) and says so', async () => {
    const records = withHistory();
    records.set(`${historyPrefix}broken`, '{"schema":2,"entries":[');
    await openHistory(records);
    expect(screen.getByText(fill(common('history.dropped'), { count: '1' }))).toBeVisible();
    expect(entries()).toHaveLength(2);
    expect(records.dump()['tapfix.backup.history.broken']).toBe('{"schema":2,"entries":[');
  });

  it('leaves entries saved by a newer version alone and says they are not shown', async () => {
    const records = withHistory();
    const newer = JSON.stringify({ schema: 99, id: 'fromthefuture', what: 'a newer shape' });
    records.set(`${historyPrefix}fromthefuture`, newer);
    await openHistory(records);
    expect(screen.getByText(fill(common('history.newer'), { count: '1' }))).toBeVisible();
    expect(entries()).toHaveLength(2);
    expect(records.dump()[`${historyPrefix}fromthefuture`]).toBe(newer);
  });

  it('records a diagnosis finished in the app', async () => {
    const view = await renderApp();
    await view.user.click(screen.getByRole('button', { name: new RegExp(`^${common('home.start')}`) }));
    await view.user.click(screen.getByRole('button', { name: steps('gate.charged.options.paid') }));
    await view.user.click(screen.getByRole('button', { name: common('menu.open') }));
    await view.user.click(screen.getByRole('button', { name: new RegExp(`^${common('menu.history')}`) }));
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toHaveTextContent(steps('done.paid.title'));
  });
});
