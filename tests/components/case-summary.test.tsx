import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { luhnValid, containsCardNumber } from '../../src/domain/case/redact.ts';
import type { ShareBridge } from '../../src/ui/share-bridge.ts';
import { text } from '../support/content.ts';
import { memoryRecords } from '../../src/persistence/records.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';

const common = (key: string) => text('zh-CN', 'common', key);
const steps = (key: string) => text('zh-CN', 'steps', key);
const summary = (key: string) => text('zh-CN', 'summary', key);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => values[name] ?? '');

const card = '6222 0212 3456 7894';
/** A 商户号 that happens to pass the Luhn check: accepted (15 digits, not 34/37). */
const merchantId = '898906828836075';

type Render = Awaited<ReturnType<typeof renderApp>>;

const field = (name: string) => screen.getByRole('textbox', { name: summary(`form.labels.${name}`) });
const preview = () => screen.getByLabelText(summary('preview.title'));

/** Starts a guided diagnosis, answers two questions and opens the case summary. */
async function summaryOfTwoAnswers(options: Parameters<typeof renderApp>[0] = {}) {
  const view = await renderApp(options);
  const { user } = view;
  await user.click(screen.getByRole('button', { name: new RegExp(`^${common('home.start')}`) }));
  await user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
  await user.click(screen.getByRole('button', { name: steps('scope.cards.options.all') }));
  await user.click(screen.getByRole('button', { name: common('step.summary') }));
  // The page loads on first use.
  await screen.findByRole('heading', { level: 1, name: summary('page.title') });
  return view;
}

async function typeInto({ user }: Render, name: string, value: string) {
  await user.clear(field(name));
  await user.type(field(name), value);
  await user.tab();
}

describe('the case summary', () => {
  it('opens from a step with the answers so far, its heading focused', async () => {
    await summaryOfTwoAnswers();
    expect(screen.getByRole('heading', { level: 1, name: summary('page.title') })).toHaveFocus();
    expect(preview()).toHaveTextContent(summary('title'));
    expect(preview()).toHaveTextContent(steps('gate.charged.options.declined'));
    expect(preview()).toHaveTextContent(steps('scope.cards.options.all'));
    expect(preview()).toHaveTextContent(steps('network.signal.title'));
    expect(screen.getByText(summary('form.notSaved'))).toBeVisible();
  });

  it('says what is wrong with a field in the merchant’s language, and adds it once it is right', async () => {
    const view = await summaryOfTwoAnswers();
    await typeInto(view, 'terminalId', '1234567');
    expect(field('terminalId')).toHaveAccessibleDescription(new RegExp(summary('form.errors.terminalId.length')));
    expect(field('terminalId')).toBeInvalid();
    await typeInto(view, 'terminalId', '12345678');
    expect(screen.queryByText(summary('form.errors.terminalId.length'))).toBeNull();
    expect(preview()).toHaveTextContent(fill(summary('fields.terminalId'), { value: '12345678' }));

    await typeInto(view, 'amount', '12.345');
    expect(screen.getByText(summary('form.errors.amount.format'))).toBeVisible();
    await typeInto(view, 'amount', '88.5');
    expect(preview()).toHaveTextContent(fill(summary('fields.amount'), { value: '88.50' }));
  }, 15_000);

  it('uses a keyboard that fits each field', async () => {
    await summaryOfTwoAnswers();
    expect(field('amount')).toHaveAttribute('inputmode', 'decimal');
    expect(field('cardLast4')).toHaveAttribute('inputmode', 'numeric');
    expect(field('merchantId')).toHaveAttribute('inputmode', 'text');
  });

  it('refuses a card number typed into the amount or the reference field, and never shows it again', async () => {
    const view = await summaryOfTwoAnswers();
    for (const name of ['amount', 'reference', 'cardLast4']) {
      await typeInto(view, name, card);
      expect(field(name)).toHaveValue('');
      expect(field(name)).toHaveAccessibleDescription(new RegExp(summary('form.errors.cardNumber')));
    }
    expect(preview()).not.toHaveTextContent('7894');
    expect(containsCardNumber(document.body.textContent ?? '')).toBe(false);
    // Typing there again replaces the refusal with the field's own check.
    await typeInto(view, 'reference', '000123');
    expect(field('reference')).not.toHaveAccessibleDescription(new RegExp(summary('form.errors.cardNumber')));
    expect(preview()).toHaveTextContent(fill(summary('fields.voucher'), { value: '000123' }));
  }, 20_000);

  it('accepts a 商户号 that passes the Luhn check, and shows it unmasked', async () => {
    expect(luhnValid(merchantId)).toBe(true);
    const view = await summaryOfTwoAnswers();
    await typeInto(view, 'merchantId', merchantId);
    expect(field('merchantId')).toHaveValue(merchantId);
    expect(field('merchantId')).toBeValid();
    expect(preview()).toHaveTextContent(fill(summary('fields.merchantId'), { value: merchantId }));
  });

  it('shares the text with the answers and the details through the share sheet', async () => {
    const share = vi.fn<NonNullable<ShareBridge['share']>>(async () => undefined);
    const copy = vi.fn<NonNullable<ShareBridge['copy']>>(async () => undefined);
    const view = await summaryOfTwoAnswers({ share: { share, copy } });
    await typeInto(view, 'merchantId', merchantId);
    await view.user.click(screen.getByRole('button', { name: summary('share.share') }));
    expect(share).toHaveBeenCalledTimes(1);
    const shared = share.mock.calls[0]?.[0].text ?? '';
    expect(shared).toContain(steps('gate.charged.options.declined'));
    expect(shared).toContain(steps('scope.cards.options.all'));
    expect(shared).toContain(merchantId);
    expect(copy).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent(summary('share.shared'));
  });

  it('says nothing and copies nothing when the merchant closes the share sheet', async () => {
    const share = vi.fn(async () => {
      throw new DOMException('cancelled', 'AbortError');
    });
    const copy = vi.fn(async () => undefined);
    const view = await summaryOfTwoAnswers({ share: { share, copy } });
    await view.user.click(screen.getByRole('button', { name: summary('share.share') }));
    expect(copy).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('copies to the clipboard where there is no share sheet, and says it was copied', async () => {
    const copy = vi.fn<NonNullable<ShareBridge['copy']>>(async () => undefined);
    const view = await summaryOfTwoAnswers({ share: { copy } });
    await view.user.click(screen.getByRole('button', { name: summary('share.copy') }));
    expect(copy).toHaveBeenCalledWith(expect.stringContaining(steps('scope.cards.options.all')));
    expect(screen.getByRole('status')).toHaveTextContent(summary('share.copied'));
  });

  it('selects the text for a long-press copy when neither works', async () => {
    const copy = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    const view = await summaryOfTwoAnswers({ share: { copy } });
    await view.user.click(screen.getByRole('button', { name: summary('share.copy') }));
    expect(screen.getByRole('status')).toHaveTextContent(summary('share.selected'));
    expect(document.getSelection()?.toString()).toContain(steps('scope.cards.options.all'));
    expect(preview()).toHaveFocus();
  });

  it('forgets the details when the page is closed', async () => {
    const view = await summaryOfTwoAnswers();
    await typeInto(view, 'terminalId', '12345678');
    await view.user.click(screen.getByRole('button', { name: common('page.close') }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(steps('network.signal.title'));
    await view.user.click(screen.getByRole('button', { name: common('step.summary') }));
    expect(field('terminalId')).toHaveValue('');
  });

  it('leaves no card number and no case detail in storage after a whole session', async () => {
    const storage = memoryStorage();
    const records = memoryRecords();
    const share = vi.fn(async () => undefined);
    const view = await summaryOfTwoAnswers({ storage, records, share: { share } });
    await typeInto(view, 'merchantId', merchantId);
    await typeInto(view, 'terminalId', '12345678');
    await typeInto(view, 'amount', card);
    await typeInto(view, 'reference', '6222021234567894');
    await typeInto(view, 'cardLast4', '7894');
    await view.user.click(screen.getByRole('button', { name: summary('share.share') }));
    await view.user.click(screen.getByRole('button', { name: common('page.close') }));

    // On to an outcome, which goes into history; then its summary too.
    await view.user.click(screen.getByRole('button', { name: steps('network.signal.options.problem') }));
    await view.user.click(screen.getByRole('button', { name: steps('network.fix.options.notFixed') }));
    await view.user.click(screen.getByRole('button', { name: steps('network.otherDevices.options.yes') }));
    await view.user.click(screen.getByRole('button', { name: common('step.summary') }));
    await typeInto(view, 'merchantId', merchantId);
    await typeInto(view, 'reference', card);
    await view.user.click(screen.getByRole('button', { name: summary('share.share') }));
    await view.user.click(screen.getByRole('button', { name: common('page.close') }));
    expect(share).toHaveBeenCalledTimes(2);

    const stored = { ...storage.dump(), ...records.dump() };
    expect(Object.keys(stored).some((key) => key.startsWith('tapfix.history.'))).toBe(true);
    for (const [key, value] of Object.entries(stored)) {
      expect(containsCardNumber(value), key).toBe(false);
      for (const detail of [merchantId, '12345678', '7894']) expect(value, key).not.toContain(detail);
    }
  }, 20_000);
});
