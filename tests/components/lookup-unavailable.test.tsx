import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { text } from '../support/content.ts';
import { renderApp } from '../support/render-app.tsx';

// The lookup's chunk cannot be fetched (e.g. a broken cache): its import fails.
vi.mock('../../src/domain/lookup/terminal-input.ts', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const common = (key: string) => text('zh-CN', 'common', key);

describe('when the lookup cannot load', () => {
  it('says so in the user’s language on a search or a chip, and step by step still works', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('searchbox', { name: common('home.searchLabel') }), '51');
    await user.click(screen.getByRole('button', { name: common('home.searchSubmit') }));
    expect(await screen.findByRole('status')).toHaveTextContent(text('zh-CN', 'lookup', 'loadFailed'));
    expect(screen.getByRole('searchbox')).toHaveValue('51');

    await user.click(screen.getByRole('button', { name: text('zh-CN', 'messages', 'readFailed.label') }));
    expect(await screen.findByRole('status')).toHaveTextContent(text('zh-CN', 'lookup', 'loadFailed'));
    expect(document.querySelector('[data-step]')?.getAttribute('data-step')).toBe('home');

    await user.click(screen.getByRole('button', { name: new RegExp(`^${common('home.start')}`) }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(text('zh-CN', 'steps', 'gate.charged.title'));
  });
});
