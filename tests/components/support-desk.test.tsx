import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stepIds, stepInfo } from '../../src/domain/diagnosis/steps.ts';
import { languages, type Language } from '../../src/i18n/languages.ts';
import { text } from '../support/content.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';

const common = (key: string, locale = 'zh-CN') => text(locale, 'common', key);
const steps = (key: string, locale = 'zh-CN') => text(locale, 'steps', key);
const summary = (key: string) => text('zh-CN', 'summary', key);
const seats = (key: string, locale = 'zh-CN') => text(locale, 'seats', key);
const startsWith = (value: string) => new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const heading = () => screen.getByRole('heading', { level: 1 });
const box = (locale = 'zh-CN') => screen.getByRole('complementary', { name: common('support.title', locale) });

/** Support mode on and the seat already chosen, as an agent's desk has it after the first day. */
function deskStorage(seat: string) {
  const storage = memoryStorage();
  storage.setItem('tapfix.support', 'on');
  storage.setItem('tapfix.support.seat', seat);
  return storage;
}

async function start(view: Awaited<ReturnType<typeof renderApp>>, locale = 'zh-CN') {
  await view.user.click(screen.getByRole('button', { name: startsWith(common('home.start', locale)) }));
}

describe('entering support mode', () => {
  it('is one tap on the header button, which says whether it is on', async () => {
    const storage = memoryStorage();
    const view = await renderApp({ storage });
    const toggle = screen.getByRole('button', { name: common('support.toggleLabel') });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await view.user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(storage.dump()['tapfix.support']).toBe('on');
    await start(view);
    // The box's code comes with the later parts (fetched once the app is idle): at most a moment after the step.
    expect(await screen.findByRole('complementary', { name: common('support.title') })).toBeVisible();
  });

  it('is on after opening a bookmarked #/support link, and stays on', async () => {
    const storage = memoryStorage();
    history.replaceState(null, '', '#/support');
    await renderApp({ storage });
    expect(screen.getByRole('button', { name: common('support.toggleLabel') })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { name: common('seat.question') })).toBeVisible();
    expect(storage.dump()['tapfix.support']).toBe('on');
  });
});

describe('who is helping', () => {
  it('asks once, remembers the seat, and a POS company agent opens a ticket instead of sending the caller elsewhere', async () => {
    const storage = memoryStorage();
    storage.setItem('tapfix.support', 'on');
    const view = await renderApp({ storage });
    await view.user.click(screen.getByRole('button', { name: common('seat.options.acquirer') }));
    expect(storage.dump()['tapfix.support.seat']).toBe('acquirer');
    expect(screen.queryByRole('heading', { name: common('seat.question') })).toBeNull();
    await start(view);
    await view.user.type(within(box()).getByRole('textbox', { name: common('support.openLabel') }), 'E-5{Enter}');
    expect(heading()).toHaveTextContent(steps('done.acquirer.title'));
    const seatDo = screen.getByRole('heading', { name: common('seat.doTitle') }).parentElement!;
    expect(seatDo).toHaveTextContent(common('seat.do.acquirer.acquirer.text'));
    // The merchant's "call the hotline on the sticker" text is not what this agent reads.
    expect(screen.queryByText(steps('done.acquirer.escalation.text'))).toBeNull();
    expect(box()).toHaveTextContent(seats('acquirer.done.acquirer.script.say'));
    // What the caller does is said from the seat too: the agent opens the ticket.
    expect(screen.queryByText(steps('done.acquirer.remedy.3'))).toBeNull();
    expect(screen.getByText(seats('acquirer.done.acquirer.remedy.3'))).toBeVisible();
    expect(box()).toHaveTextContent(
      common('seat.current', 'zh-CN').replace('{{seat}}', common('seat.options.acquirer')),
    );
  });

  it('gives a bank agent the cardholder side, and a store manager the merchant text of today', async () => {
    const bank = await renderApp({ storage: deskStorage('bank') });
    await start(bank);
    await bank.user.type(within(box()).getByRole('textbox', { name: common('support.openLabel') }), 'E-7{Enter}');
    expect(screen.getByText(common('seat.do.bank.issuer.text'))).toBeVisible();
    bank.unmount();
    // The address still names the bank's outcome: a new page starts from home.
    history.replaceState(null, '', '#/');

    const manager = await renderApp({ storage: deskStorage('manager') });
    await start(manager);
    await manager.user.type(within(box()).getByRole('textbox', { name: common('support.openLabel') }), 'E-7{Enter}');
    expect(screen.queryByRole('heading', { name: common('seat.doTitle') })).toBeNull();
    expect(screen.getByText(steps('done.issuer.escalation.text'))).toBeVisible();
  });

  it('lets the agent change the seat', async () => {
    const storage = deskStorage('bank');
    const view = await renderApp({ storage });
    await start(view);
    await view.user.click(within(box()).getByRole('button', { name: common('seat.change') }));
    await view.user.click(screen.getByRole('button', { name: common('seat.options.manager') }));
    expect(storage.dump()['tapfix.support.seat']).toBe('manager');
  });
});

describe("the caller's whole case", () => {
  it('keeps the answers when a step is opened by code, shows the jump in the trail and the summary, and Back undoes it', async () => {
    const view = await renderApp({ storage: deskStorage('acquirer') });
    await start(view);
    await view.user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    await view.user.type(within(box()).getByRole('textbox', { name: common('support.openLabel') }), 'N2{Enter}');
    await view.user.click(screen.getByText(new RegExp(common('step.trailTitle'))));
    const jump = screen.getByText(startsWith(common('support.jump').split('[')[0]!));
    expect(jump).toHaveTextContent(`[N-2] ${steps('network.fix.title')}`);
    // The answer before the jump is still there and can be changed.
    expect(
      screen.getByRole('button', {
        name: common('step.changeAnswerLabel').replace('{{question}}', steps('gate.charged.title')),
      }),
    ).toBeInTheDocument();

    await view.user.click(screen.getByRole('button', { name: common('step.summary') }));
    const summaryText = await screen.findByLabelText(summary('preview.title'));
    expect(summaryText).toHaveTextContent(summary('jumpsTitle'));
    expect(summaryText).toHaveTextContent(steps('gate.charged.options.declined'));
    expect(summaryText).toHaveTextContent(steps('network.fix.title'));
    await view.user.click(screen.getByRole('button', { name: common('page.close') }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));

    await view.user.click(await screen.findByRole('button', { name: common('nav.back') }));
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
  });
});

describe('keyboard at the desk', () => {
  it('answers with 1–9 in display order, goes back with Backspace and Alt+←, and / focuses the code box', async () => {
    const view = await renderApp({ storage: deskStorage('acquirer') });
    await start(view);
    const first = screen.getAllByRole('button').find((button) => button.getAttribute('aria-keyshortcuts') === '1');
    expect(first).toHaveAttribute('data-answer', 'declined');
    expect(box()).toHaveTextContent(common('support.keys'));
    await view.user.keyboard('1');
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    await view.user.keyboard('{Backspace}');
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
    await view.user.keyboard('1');
    await view.user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
    await view.user.keyboard('/');
    expect(within(box()).getByRole('textbox', { name: common('support.openLabel') })).toHaveFocus();
  });

  it('leaves the digits a caller reads out to the code pad of the step that asks what the screen shows', async () => {
    const view = await renderApp({ storage: deskStorage('acquirer') });
    await start(view);
    await view.user.keyboard('1');
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    // "51" read out from the screen picks neither answer 5 nor answer 1, and no answer offers a number key here.
    await view.user.keyboard('51');
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    for (const answer of document.querySelectorAll('[data-answer]'))
      expect(answer).not.toHaveAttribute('aria-keyshortcuts');
    await view.user.keyboard('{Backspace}');
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
  });

  it('fires no shortcut while the agent types in a field', async () => {
    const view = await renderApp({ storage: deskStorage('acquirer') });
    await start(view);
    await view.user.type(screen.getByRole('textbox', { name: common('support.note.label') }), '1 2/{Backspace}');
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
    expect(screen.getByRole('textbox', { name: common('support.note.label') })).toHaveValue('1 2');
  });

  it('has no shortcuts outside support mode', async () => {
    const view = await renderApp();
    await start(view);
    await view.user.keyboard('1');
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
  });
});

describe("the agent's note", () => {
  it('masks a card number, joins the summary and the ticket text, and is gone with the case', async () => {
    const copy = vi.fn(async (_text: string) => undefined);
    const storage = deskStorage('acquirer');
    const view = await renderApp({ storage, share: { copy } });
    await start(view);
    const note = screen.getByRole('textbox', { name: common('support.note.label') });
    await view.user.type(note, 'caller read 6222 0212 3456 7894 aloud');
    await view.user.tab();
    expect(note).not.toHaveValue(expect.stringContaining('6222'));
    expect(screen.getByRole('status')).toHaveTextContent(common('support.note.redacted'));

    await view.user.click(screen.getByRole('button', { name: common('step.summary') }));
    const summaryText = await screen.findByLabelText(summary('preview.title'));
    expect(summaryText).toHaveTextContent(summary('noteTitle'));
    expect(summaryText).toHaveTextContent('caller read');
    expect(summaryText).not.toHaveTextContent('7894');
    await view.user.click(screen.getByRole('button', { name: summary('ticket.copy') }));
    const ticket = copy.mock.calls[0]?.[0] ?? '';
    expect(ticket).toContain(`${summary('ticket.labels.note')}: caller read`);
    expect(ticket).toContain(`${summary('ticket.labels.escalateTo')}: `);
    expect(ticket).not.toMatch(/6222/);
    expect(JSON.stringify(storage.dump())).not.toContain('caller read');

    await view.user.click(screen.getByRole('button', { name: common('page.close') }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    await view.user.click(await screen.findByRole('button', { name: common('nav.restart') }));
    await start(view);
    expect(screen.getByRole('textbox', { name: common('support.note.label') })).toHaveValue('');
  });
});

/**
 * What a step tells the caller and the agent: everything on it but its title (an outcome's name, e.g. "Call the POS
 * company", which the summary and the ticket use too), the trail (other steps' titles) and the seat's own name.
 */
function whatTheStepSays(): string {
  const step = document.querySelector('[data-step]')!.cloneNode(true) as HTMLElement;
  step.querySelectorAll('h1, .trail, .support-label').forEach((node) => node.remove());
  return step.textContent ?? '';
}

/** A merchant's text sending the caller to the POS company's hotline, in each language. */
const sendsToTheHotline: Record<Language, RegExp> = {
  'zh-CN': /上贴的|贴纸|(打|联系|找|问)(收单机构|POS公司|POS服务商)|POS(服务商|机|公司)客服/,
  en: /sticker|(call|contact|ask|need|needs) the (acquirer|POS)|POS (company|provider)'s hotline/i,
  'zh-Hant': /上貼的|貼紙|(打|撥打|聯絡|找|問) ?(收單機構|POS ?公司|POS ?服務商)|POS ?(服務商|機|公司)客服/,
};

describe('speaking from the seat', () => {
  it.each(languages)(
    "never has a POS company's agent send the caller to the hotline they are, on any step (%s)",
    async (language) => {
      const view = await renderApp({ language, storage: deskStorage('acquirer') });
      await start(view, language);
      const codeBox = () => within(box(language)).getByRole('textbox', { name: common('support.openLabel', language) });
      for (const step of stepIds) {
        await view.user.type(codeBox(), `${stepInfo(step).code}{Enter}`);
        expect(document.querySelector('[data-step]')).toHaveAttribute('data-step', step);
        expect(whatTheStepSays(), step).not.toMatch(sendsToTheHotline[language]);
      }
      // The pattern does find the merchant's text where a store manager reads it.
      view.unmount();
      history.replaceState(null, '', '#/');
      const manager = await renderApp({ language, storage: deskStorage('manager') });
      await start(manager, language);
      await manager.user.type(codeBox(), 'E1{Enter}');
      expect(whatTheStepSays()).toMatch(sendsToTheHotline[language]);
    },
    60_000,
  );

  it('closes a solved case from the seat: the POS company takes the next call itself, the bank looks at the card', async () => {
    const acquirer = await renderApp({ storage: deskStorage('acquirer') });
    await start(acquirer);
    await acquirer.user.type(within(box()).getByRole('textbox', { name: common('support.openLabel') }), 'E1{Enter}');
    expect(heading()).toHaveTextContent(steps('done.resolved.title'));
    expect(box()).toHaveTextContent(seats('acquirer.done.resolved.script.say'));
    expect(screen.getByText(seats('acquirer.done.resolved.escalation.who'))).toBeVisible();
    expect(screen.getByText(seats('acquirer.done.resolved.escalation.text'))).toBeVisible();
    expect(screen.queryByText(steps('done.resolved.escalation.who'))).toBeNull();
    acquirer.unmount();
    history.replaceState(null, '', '#/');

    const bank = await renderApp({ storage: deskStorage('bank') });
    await start(bank);
    await bank.user.type(within(box()).getByRole('textbox', { name: common('support.openLabel') }), 'E1{Enter}');
    expect(box()).toHaveTextContent(seats('bank.done.resolved.script.say'));
    expect(screen.getByText(seats('bank.done.resolved.escalation.text'))).toBeVisible();
  });

  it('tells a bank agent that a payment which went through is not paid again, and keeps the safety line on each outcome', async () => {
    const view = await renderApp({ storage: deskStorage('bank') });
    await start(view);
    const codeBox = () => within(box()).getByRole('textbox', { name: common('support.openLabel') });
    await view.user.type(codeBox(), 'E2{Enter}');
    const seatDo = screen.getByRole('heading', { name: common('seat.doTitle') }).parentElement!;
    expect(seatDo).toHaveTextContent(seats('bank.done.paid.do'));
    // The bank's text for a terminal-side problem ("pay another way") is not what a paid payment needs.
    expect(seatDo).not.toHaveTextContent(common('seat.do.bank.acquirer.text'));
    expect(box()).toHaveTextContent(seats('bank.done.paid.script.say'));

    await view.user.type(codeBox(), 'E4{Enter}');
    expect(box()).toHaveTextContent(seats('bank.done.statusUnknown.script.say'));
    expect(screen.getByRole('heading', { name: common('seat.doTitle') }).parentElement).toHaveTextContent(
      seats('bank.done.statusUnknown.do'),
    );
  });

  it("keeps an unknown payment's warning in a POS company agent's words", async () => {
    const view = await renderApp({ language: 'en', storage: deskStorage('acquirer') });
    await start(view, 'en');
    await view.user.type(
      within(box('en')).getByRole('textbox', { name: common('support.openLabel', 'en') }),
      'E4{Enter}',
    );
    const say = seats('acquirer.done.statusUnknown.script.say', 'en');
    expect(say).toMatch(/don't let the customer pay by card again/);
    expect(box('en')).toHaveTextContent(say);
  });
});

/** A desk-wide screen, as the media query reports it in a browser (jsdom has no layout). */
function atDesk() {
  vi.stubGlobal('matchMedia', (media: string) => ({
    matches: true,
    media,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

describe("the caller's case at the desk", () => {
  afterEach(() => vi.unstubAllGlobals());

  const card = '6222 0212 3456 7894';
  const caseBox = () => screen.findByRole('complementary', { name: common('support.case.title') });
  const field = async (name: string) =>
    within(await caseBox()).getByRole('textbox', { name: summary(`form.labels.${name}`) });

  it('shows the five transaction details and the note beside the step, with the trail beside the script', async () => {
    atDesk();
    const view = await renderApp({ storage: deskStorage('acquirer') });
    await start(view);
    await view.user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    const panel = await caseBox();
    for (const name of ['merchantId', 'terminalId', 'amount', 'cardLast4', 'reference']) {
      expect(within(panel).getByRole('textbox', { name: summary(`form.labels.${name}`) })).toBeVisible();
    }
    expect(within(panel).getByRole('textbox', { name: common('support.note.label') })).toBeVisible();
    // The note is in the case panel only, the trail in the script box (open).
    expect(within(box()).queryByRole('textbox', { name: common('support.note.label') })).toBeNull();
    expect(within(box()).getByText(steps('gate.charged.options.declined'))).toBeVisible();
  });

  it('refuses a card number typed into a field, fires no shortcut while typing, and the summary and ticket carry the details', async () => {
    atDesk();
    const copy = vi.fn(async (_text: string) => undefined);
    const storage = deskStorage('acquirer');
    const view = await renderApp({ storage, share: { copy } });
    await start(view);
    await view.user.type(await field('merchantId'), '898906828836075');
    await view.user.type(await field('terminalId'), '12345678');
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
    await view.user.type(await field('reference'), card);
    await view.user.tab();
    expect(await field('reference')).toHaveValue('');
    expect(await field('reference')).toHaveAccessibleDescription(new RegExp(summary('form.errors.cardNumber')));
    await view.user.type(
      within(await caseBox()).getByRole('textbox', { name: common('support.note.label') }),
      'caller is at the counter',
    );

    await view.user.click(screen.getByRole('button', { name: common('step.summary') }));
    const summaryText = await screen.findByLabelText(summary('preview.title'));
    expect(summaryText).toHaveTextContent('898906828836075');
    expect(summaryText).toHaveTextContent('12345678');
    expect(summaryText).toHaveTextContent('caller is at the counter');
    expect(summaryText).not.toHaveTextContent('7894');
    // The summary's own fields hold what the desk typed: one case, one set of details.
    expect(screen.getByRole('textbox', { name: summary('form.labels.merchantId') })).toHaveValue('898906828836075');
    await view.user.click(screen.getByRole('button', { name: summary('ticket.copy') }));
    const ticket = copy.mock.calls[0]?.[0] ?? '';
    expect(ticket).toContain(`${summary('ticket.labels.merchantId')}: 898906828836075`);
    expect(ticket).not.toMatch(/6222|7894/);
    expect(JSON.stringify(storage.dump())).not.toMatch(/898906828836075|12345678|7894/);
  });

  it('starts the next case with empty details', async () => {
    atDesk();
    const view = await renderApp({ storage: deskStorage('acquirer') });
    await start(view);
    await view.user.type(await field('amount'), '88.50');
    await view.user.click(screen.getByRole('button', { name: common('nav.restart') }));
    await start(view);
    expect(await field('amount')).toHaveValue('');
  });
});
