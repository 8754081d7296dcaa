import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { text } from '../support/content.ts';
import { renderApp } from '../support/render-app.tsx';

const common = (key: string, locale = 'zh-CN') => text(locale, 'common', key);
const steps = (key: string, locale = 'zh-CN') => text(locale, 'steps', key);
const lookup = (key: string, locale = 'zh-CN') => text(locale, 'lookup', key);
const heading = () => screen.getByRole('heading', { level: 1 });
const startsWith = (value: string) => new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Opens the app at a step's link, as a merchant following `#/step/<id>` would. */
async function openAt(step: string, language: 'zh-CN' | 'en' = 'zh-CN') {
  history.replaceState(null, '', `#/step/${step}`);
  const view = await renderApp({ language });
  expect(heading()).toHaveTextContent(steps(`${step}.title`, language));
  return view;
}

async function startAndAnswer(view: Awaited<ReturnType<typeof renderApp>>, ...answers: string[]) {
  await view.user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
  for (const answer of answers) await view.user.click(screen.getByRole('button', { name: steps(answer) }));
}

describe('restart asks once when answers would be lost', () => {
  it('asks in the app, and Keep going keeps the diagnosis where it was', async () => {
    const view = await renderApp();
    await startAndAnswer(view, 'gate.charged.options.declined');
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));

    await view.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    const ask = screen.getByRole('group', { name: common('nav.restartConfirm') });
    const keep = within(ask).getByRole('button', { name: common('nav.restartNo') });
    expect(keep).toHaveFocus();
    await view.user.click(keep);
    expect(screen.queryByRole('group', { name: common('nav.restartConfirm') })).toBeNull();
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    await waitFor(() => expect(screen.getByRole('button', { name: common('nav.restart') })).toHaveFocus());
  });

  it('goes home once the merchant confirms, with the keyboard alone', async () => {
    const view = await renderApp();
    await startAndAnswer(view, 'gate.charged.options.declined', 'scope.cards.options.one');
    screen.getByRole('button', { name: common('nav.restart') }).focus();
    await view.user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: common('nav.restartNo') })).toHaveFocus();
    await view.user.keyboard('{Shift>}{Tab}{/Shift}{Enter}');
    expect(heading()).toHaveTextContent(common('home.title'));
  });

  it('Escape keeps the diagnosis', async () => {
    const view = await renderApp();
    await startAndAnswer(view, 'gate.charged.options.declined');
    await view.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    await view.user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: common('nav.restartConfirm') })).toBeNull();
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
  });

  it('needs no confirmation before the first answer', async () => {
    const view = await renderApp();
    await startAndAnswer(view);
    await view.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    expect(heading()).toHaveTextContent(common('home.title'));
  });

  it('needs no confirmation at an outcome: the diagnosis is over and kept in the history', async () => {
    const view = await renderApp();
    await startAndAnswer(view, 'gate.charged.options.paid');
    expect(heading()).toHaveTextContent(steps('done.paid.title'));
    await view.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    expect(heading()).toHaveTextContent(common('home.title'));
  });
});

describe('success looks like success', () => {
  it('shows "solved" with a record to keep and nobody to call', async () => {
    const view = await openAt('done.resolved');
    const step = heading().closest('[data-step]');
    expect(step).toHaveClass('step-success');
    expect(screen.getByText(steps('done.resolved.summary'))).toBeVisible();
    expect(screen.queryByRole('region', { name: common('step.escalationTitle') })).toBeNull();
    expect(screen.queryByText(steps('done.resolved.escalation.who'))).toBeNull();

    const record = screen.getByRole('region', { name: common('step.recordTitle') });
    await view.user.click(within(record).getByRole('button', { name: common('step.summary') }));
    expect(
      await screen.findByRole('heading', { level: 1, name: text('zh-CN', 'summary', 'page.title') }),
    ).toBeVisible();
  });

  it('keeps who to call on any other outcome: one line, the details folded under it', async () => {
    const view = await openAt('done.acquirer');
    const box = screen.getByRole('region', { name: common('step.escalationTitle') });
    expect(within(box).getByText(common('escalateTo.acquirer'))).toBeVisible();
    const details = within(box).getByText(steps('done.acquirer.escalation.text'));
    const number = within(box).getByText(steps('done.acquirer.escalation.who'));
    expect(details).not.toBeVisible();
    expect(number).not.toBeVisible();
    await view.user.click(within(box).getByText(common('step.escalationMore')));
    expect(details).toBeVisible();
    expect(number).toBeVisible();
    expect(within(box).getByText(text('zh-CN', 'common', 'step.ready.0'))).toBeVisible();
  });
});

describe('issuer outcomes say what the customer needs to call their bank', () => {
  for (const outcome of ['done.issuer', 'done.cardBlocked', 'done.pinLocked', 'done.pinStop']) {
    it(`${outcome}: the card, ID, time and amount, not the merchant's ids`, async () => {
      const view = await openAt(outcome, 'en');
      const box = screen.getByRole('region', { name: common('step.escalationTitle', 'en') });
      await view.user.click(within(box).getByText(common('step.escalationMoreCustomer', 'en')));
      expect(within(box).getByText(common('step.readyCustomerTitle', 'en'))).toBeVisible();
      for (const index of [0, 1, 2]) {
        expect(within(box).getByText(text('en', 'common', `step.readyCustomer.${index}`))).toBeVisible();
      }
      expect(within(box).queryByText(text('en', 'common', 'step.ready.0'))).toBeNull();
      expect(box).not.toHaveTextContent(/merchant ID|terminal ID/i);
    });
  }
});

describe('action first', () => {
  it('puts a warning inside the numbered step it qualifies, after the steps before it', async () => {
    await openAt('network.fix');
    const warning = screen.getByRole('note');
    expect(warning).toHaveTextContent(steps('network.fix.warning'));
    const item = warning.closest('li') as HTMLElement;
    const items = within(item.closest('ol') as HTMLElement).getAllByRole('listitem');
    expect(items.indexOf(item)).toBe(3);
    expect(item).toHaveTextContent(steps('network.fix.steps.3'));
  });

  it("folds a remedy's explanation under its answers", async () => {
    await openAt('network.fix');
    const why = screen.getByText(steps('network.fix.prompt'));
    expect(why).not.toBeVisible();
    const answers = screen.getAllByRole('button').filter((button) => button.hasAttribute('data-answer'));
    const firstAnswer = answers[0] as HTMLElement;
    expect(firstAnswer.compareDocumentPosition(why) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('the code card adds what the step after it does not repeat', () => {
  it('says whether the customer was charged, then the step shows only the code', async () => {
    const view = await renderApp();
    await view.user.type(screen.getByRole('searchbox', { name: common('home.searchLabel') }), '应答码51');
    await view.user.click(screen.getByRole('button', { name: common('home.searchSubmit') }));
    const card = screen.getByRole('region', { name: lookup('cardLabel').replace('{{code}}', '51') });
    expect(within(card).getByText(lookup('chargedTitle'))).toBeVisible();
    expect(within(card).getByText(lookup('charged.no'))).toBeVisible();
    // What was understood is the card itself: its meaning is on screen once.
    expect(screen.getAllByText(text('zh-CN', 'codes', '51.meaning'))).toHaveLength(1);

    await view.user.click(screen.getByRole('button', { name: steps('lookup.code.options.continue') }));
    expect(heading()).toHaveTextContent(steps('balance.fix.title'));
    const reminder = screen.getByText(lookup('cardLabel').replace('{{code}}', '51'));
    expect(reminder).toBeVisible();
    // The step's own explanation of 51 is not shown again: the card, folded under the code, is the one place.
    const folded = reminder.closest('details');
    for (const said of [
      ...screen.queryAllByText(steps('balance.fix.prompt')),
      screen.getByText(text('zh-CN', 'codes', '51.meaning')),
    ]) {
      expect(folded).toContainElement(said);
      expect(said).not.toBeVisible();
    }
    await view.user.click(reminder);
    expect(screen.getByText(text('zh-CN', 'codes', '51.meaning'))).toBeVisible();
  });

  it('says "unclear, check first" for a code that may have gone through', async () => {
    const view = await renderApp();
    await view.user.type(screen.getByRole('searchbox', { name: common('home.searchLabel') }), '应答码98');
    await view.user.click(screen.getByRole('button', { name: common('home.searchSubmit') }));
    expect(screen.getByText(lookup('charged.unknown'))).toBeVisible();
  });
});
