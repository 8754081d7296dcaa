import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { text } from '../support/content.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';

const common = (key: string, locale = 'zh-CN') => text(locale, 'common', key);
const steps = (key: string, locale = 'zh-CN') => text(locale, 'steps', key);
const summary = (key: string) => text('zh-CN', 'summary', key);
const startsWith = (value: string) => new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const heading = () => screen.getByRole('heading', { level: 1 });
const box = () => screen.getByRole('complementary', { name: common('support.title') });

/** Support mode on and the seat already chosen, as an agent's desk has it after the first day. */
function deskStorage(seat: string) {
  const storage = memoryStorage();
  storage.setItem('tapfix.support', 'on');
  storage.setItem('tapfix.support.seat', seat);
  return storage;
}

async function start(view: Awaited<ReturnType<typeof renderApp>>) {
  await view.user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
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
    expect(box()).toBeVisible();
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
    expect(box()).toHaveTextContent(common('seat.do.acquirer.acquirer.say'));
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
