import { screen } from '@testing-library/react';
import type { Language } from '../../src/i18n/languages.ts';
import { describe, expect, it } from 'vitest';
import { text } from '../support/content.ts';
import { renderApp } from '../support/render-app.tsx';

const common = (key: string, locale = 'zh-CN') => text(locale, 'common', key);
const step = (key: string, locale = 'zh-CN') => text(locale, 'steps', key);

/** Home → start → "declined": the evidence question. */
async function toEvidence(locale: Language = 'zh-CN') {
  const view = await renderApp({ language: locale });
  await view.user.click(screen.getByRole('button', { name: new RegExp(`^${common('home.start', locale)}`) }));
  await view.user.click(screen.getByRole('button', { name: step('gate.charged.options.declined', locale) }));
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(step('scope.cards.title', locale));
  return view;
}

describe('the evidence question, as a merchant uses it', () => {
  it('takes a code on its keypad: OK only with two characters, ⌫ takes one back, and the code opens its step', async () => {
    const { user } = await toEvidence();
    const ok = screen.getByRole('button', { name: common('evidence.ok') });
    expect(ok).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '5' }));
    await user.click(screen.getByRole('button', { name: '9' }));
    await user.click(screen.getByRole('button', { name: common('evidence.delete') }));
    expect(ok).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '1' }));
    expect(screen.getByRole('status', { name: common('evidence.keyedLabel') })).toHaveTextContent('51');
    await user.click(ok);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(step('balance.fix.title'));
    // What was read from the screen, and a way back to pick again.
    expect(
      screen.getByText(new RegExp(text('zh-CN', 'lookup', 'understoodCode').replace('{{code}}', '51'))),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'lookup', 'notThisScreen') }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(step('scope.cards.title'));
  });

  it('says an unknown two-character code is probably the POS company’s own, and stays on the question', async () => {
    const { user } = await toEvidence('en');
    await user.click(screen.getByRole('button', { name: common('evidence.letters', 'en') }));
    await user.click(screen.getByRole('button', { name: 'Q' }));
    await user.click(screen.getByRole('button', { name: common('evidence.digits', 'en') }));
    await user.click(screen.getByRole('button', { name: '7' }));
    await user.click(screen.getByRole('button', { name: common('evidence.ok', 'en') }));
    expect(screen.getByText(common('evidence.private', 'en').replace('{{code}}', 'Q7'))).toBeVisible();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(step('scope.cards.title', 'en'));
  });

  it('opens a message’s step from its button, printed as the POS prints it', async () => {
    const { user } = await toEvidence();
    await user.click(await screen.findByRole('button', { name: text('zh-CN', 'messages', 'cardNotSupported.label') }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(step('card.foreign.title'));
  });
});
