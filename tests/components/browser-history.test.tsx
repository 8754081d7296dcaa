import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stepFromHash } from '../../src/app/history-sync.ts';
import { text } from '../support/content.ts';
import { pressBrowserBack } from '../support/browser-back.ts';
import { renderApp } from '../support/render-app.tsx';

const heading = () => screen.getByRole('heading', { level: 1 });
const steps = (key: string) => text('zh-CN', 'steps', key);

afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '#/');
});

describe('the phone Back button and step links', () => {
  it('steps back within the diagnosis instead of leaving the app', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: new RegExp(`^${text('zh-CN', 'common', 'home.start')}`) }));
    await user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    await user.click(screen.getByRole('button', { name: steps('scope.cards.options.all') }));
    expect(heading()).toHaveTextContent(steps('network.signal.title'));
    expect(location.hash).toBe('#/step/network.signal');

    await pressBrowserBack();
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    expect(location.hash).toBe('#/step/scope.cards');

    await pressBrowserBack();
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
  });

  it('steps back from the step on the screen when Back comes before history has caught up', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: new RegExp(`^${text('zh-CN', 'common', 'home.start')}`) }));
    await user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    expect(location.hash).toBe('#/step/scope.cards');
    // History is written when the browser is idle after the paint; a quick thumb presses Back before that.
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    await user.click(screen.getByRole('button', { name: steps('scope.cards.options.all') }));
    expect(heading()).toHaveTextContent(steps('network.signal.title'));
    expect(idle).toHaveLength(1);
    expect(location.hash).toBe('#/step/scope.cards');

    await pressBrowserBack();
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    expect(location.hash).toBe('#/step/scope.cards');
    // The write that was waiting finds nothing left to do.
    act(() => idle.forEach((run) => run()));
    expect(location.hash).toBe('#/step/scope.cards');

    await pressBrowserBack();
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
    expect(location.hash).toBe('#/step/gate.charged');
  });

  it("writes an outcome's address at once: with the save cleared, it is all a reload has", async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: new RegExp(`^${text('zh-CN', 'common', 'home.start')}`) }));
    await user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    await user.click(screen.getByRole('button', { name: steps('scope.cards.options.all') }));
    await user.click(screen.getByRole('button', { name: steps('network.signal.options.problem') }));
    // From here the idle moment never comes: steps wait for it, an outcome does not.
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    await user.click(screen.getByRole('button', { name: steps('network.fix.options.fixed') }));
    expect(heading()).toHaveTextContent(steps('done.resolved.title'));
    expect(location.hash).toBe('#/step/done.resolved');
  });

  it('opens the step a link names, by id or by the short code support reads out', async () => {
    history.replaceState(null, '', '#/step/wallet.unlock');
    await renderApp();
    expect(heading()).toHaveTextContent(steps('wallet.unlock.title'));
  });

  it('reads step links defensively', () => {
    expect(stepFromHash('#/code/n2')).toBe('network.fix');
    expect(stepFromHash('#/step/network.fix')).toBe('network.fix');
    expect(stepFromHash('#/step/nope.nothing')).toBeNull();
    expect(stepFromHash('#/step/<script>')).toBeNull();
    expect(stepFromHash('#/code/' + 'x'.repeat(5000))).toBeNull();
  });
});
