import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { text } from '../support/content.ts';
import { renderApp } from '../support/render-app.tsx';

const common = (key: string) => text('zh-CN', 'common', key);
const heading = () => screen.getByRole('heading', { level: 1 });

async function search(query: string) {
  const view = await renderApp();
  await view.user.type(screen.getByRole('searchbox', { name: common('home.searchLabel') }), query);
  await view.user.click(screen.getByRole('button', { name: common('home.searchSubmit') }));
  return view;
}

describe('starting from what the terminal shows', () => {
  it('explains a response code, then continues into its branch', async () => {
    const { user } = await search('应答码51');
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'lookup.code.title').replace('{{code}}', '51'));
    expect(screen.getByText(text('zh-CN', 'codes', '51.meaning'))).toBeInTheDocument();
    expect(screen.getByText(text('zh-CN', 'lookup', 'actor.cardholder'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'steps', 'lookup.code.options.continue') }));
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'balance.fix.title'));
  });

  it('sends an unknown outcome through the status check before anything else', async () => {
    const { user } = await search('转了半天说超时');
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'safety.query.title'));
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'steps', 'safety.query.options.notFound') }));
    await user.click(
      screen.getByRole('button', { name: text('zh-CN', 'steps', 'safety.reversal.options.reversalOk') }),
    );
    // Then where the words pointed (a timeout: the connection), not the start of the checklist.
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'network.signal.title'));
    expect(document.querySelector('[data-step]')?.getAttribute('data-step')).toBe('network.signal');
  });

  it('opens a screen message in one tap', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'messages', 'multipleCards.label') }));
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'reading.placement.title'));
    expect(document.querySelector('[data-step]')?.getAttribute('data-step')).toBe('reading.placement');
  });

  it('says plainly when nothing matched, keeps what was typed, and still offers step by step', async () => {
    await search('今天天气不错');
    expect(screen.getByRole('status')).toHaveTextContent(text('zh-CN', 'lookup', 'noMatch'));
    expect(screen.getByRole('searchbox')).toHaveValue('今天天气不错');
    expect(screen.getByRole('button', { name: new RegExp(`^${common('home.start')}`) })).toBeInTheDocument();
  });

  it('says when a code belongs to another system', async () => {
    await search('错误码 1001');
    expect(screen.getByRole('status')).toHaveTextContent(text('zh-CN', 'lookup', 'otherSystem'));
  });

  it('opens a step from the short code support reads out', async () => {
    await search('W2');
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'wallet.unlock.title'));
  });
});
