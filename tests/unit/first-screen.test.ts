import { afterEach, describe, expect, it } from 'vitest';
import { keepEarlyTaps, prerenderFits, takeEarlyTap } from '../../src/app/first-screen.ts';
import { savedHintKey } from '../../src/persistence/keys.ts';
import { mapStorage, throwingStorage } from '../support/storage.ts';

describe('prerenderFits: when the home screen built into index.html is the screen this visit shows', () => {
  it('fits a first visit in zh-CN', () => {
    expect(prerenderFits(mapStorage().storage, 'zh-CN', '')).toBe(true);
    expect(prerenderFits(mapStorage().storage, 'zh-CN', '#/')).toBe(true);
  });

  it('does not fit another language', () => {
    expect(prerenderFits(mapStorage().storage, 'en', '')).toBe(false);
    expect(prerenderFits(mapStorage().storage, 'zh-Hant', '')).toBe(false);
  });

  it('does not fit a link to a step or a code', () => {
    expect(prerenderFits(mapStorage().storage, 'zh-CN', '#/step/network.check')).toBe(false);
    expect(prerenderFits(mapStorage().storage, 'zh-CN', '#/code/N2')).toBe(false);
  });

  it('does not fit when a diagnosis is saved (home offers to continue it)', () => {
    expect(prerenderFits(mapStorage({ [savedHintKey]: '1' }).storage, 'zh-CN', '')).toBe(false);
  });

  it('does not fit without working storage (home says progress will not be kept)', () => {
    expect(prerenderFits(null, 'zh-CN', '')).toBe(false);
    expect(prerenderFits(throwingStorage, 'zh-CN', '')).toBe(false);
  });
});

describe('early taps: a tap on the prerendered home before the app starts', () => {
  afterEach(() => {
    document.body.replaceChildren();
    delete window.tapfixEarlyTaps;
  });

  it('is kept until the app takes it, then no longer recorded', () => {
    document.body.innerHTML = '<button data-action="start"><span class="sub">hint</span></button><p>text</p>';
    keepEarlyTaps(window);
    const button = document.querySelector('button');
    document.querySelector('p')?.click();
    document.querySelector('.sub')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(takeEarlyTap(window)).toBe(button);
    button?.click();
    expect(takeEarlyTap(window)).toBeNull();
  });

  it('is nothing when the boot script did not run (dev server)', () => {
    expect(takeEarlyTap(window)).toBeNull();
  });

  it('never submits a form natively, which would reload the page', () => {
    document.body.innerHTML = '<form><button type="submit">go</button></form>';
    keepEarlyTaps(window);
    const event = new Event('submit', { bubbles: true, cancelable: true });
    document.querySelector('form')?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
