import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { text } from '../support/content.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';

const common = (key: string, locale = 'zh-CN') => text(locale, 'common', key);
const steps = (key: string, locale = 'zh-CN') => text(locale, 'steps', key);

describe('moving around a diagnosis', () => {
  it('goes back one step and restarts to the home screen', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: new RegExp(`^${common('home.start')}`) }));
    await user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(steps('scope.cards.title'));

    await user.click(screen.getByRole('button', { name: common('nav.back') }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(steps('gate.charged.title'));

    await user.click(screen.getByRole('button', { name: common('nav.restart') }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(common('home.title'));
  });

  it('shows the answers given so far', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: new RegExp(`^${common('home.start')}`) }));
    await user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    await user.click(screen.getByRole('button', { name: steps('scope.cards.options.all') }));
    await user.click(screen.getByText(new RegExp(common('step.trailTitle'))));
    expect(screen.getByText(steps('gate.charged.options.declined'))).toBeVisible();
    expect(screen.getByText(steps('scope.cards.options.all'))).toBeVisible();
  });

  it('switches language mid-diagnosis without losing the step, and remembers the choice', async () => {
    const storage = memoryStorage();
    const { user } = await renderApp({ storage });
    await user.click(screen.getByRole('button', { name: new RegExp(`^${common('home.start')}`) }));
    await user.click(screen.getByRole('button', { name: 'English, EN' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(steps('gate.charged.title', 'en'));
    expect(storage.dump()['tapfix.language']).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('text comes from content only', () => {
  it('renders no literal text of its own (cimode shows keys instead of words)', async () => {
    const { container } = await renderApp({ language: 'cimode' });
    const words = (container.textContent ?? '').replace(/[a-zA-Z]+(\.[a-zA-Z-]+)+/g, ' ').trim();
    expect(words).toBe('');
  });
});
