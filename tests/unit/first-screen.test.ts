import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dropOtherPrerenders,
  keepEarlyTaps,
  prerenderFits,
  runEntryAfterFirstPaint,
  takeEarlyTap,
} from '../../src/app/first-screen.ts';
import { savedHintKey } from '../../src/persistence/keys.ts';
import { mapStorage, throwingStorage } from '../support/storage.ts';

describe('prerenderFits: when the home screen built into index.html is the screen this visit shows', () => {
  it('fits a first visit, in whichever language (every language is prerendered)', () => {
    expect(prerenderFits(mapStorage().storage, '')).toBe(true);
    expect(prerenderFits(mapStorage().storage, '#/')).toBe(true);
  });

  it('does not fit a link to a step or a code', () => {
    expect(prerenderFits(mapStorage().storage, '#/step/network.check')).toBe(false);
    expect(prerenderFits(mapStorage().storage, '#/code/N2')).toBe(false);
  });

  it('does not fit when a diagnosis is saved (home offers to continue it)', () => {
    expect(prerenderFits(mapStorage({ [savedHintKey]: '1' }).storage, '')).toBe(false);
  });

  it('does not fit without working storage (home says progress will not be kept)', () => {
    expect(prerenderFits(null, '')).toBe(false);
    expect(prerenderFits(throwingStorage, '')).toBe(false);
  });
});

describe('dropOtherPrerenders: every language is prerendered, one is kept', () => {
  afterEach(() => document.body.replaceChildren());

  it("keeps only the home in this visit's language", () => {
    document.body.innerHTML =
      '<div id="root"><div data-prerender="zh-CN">简</div><div data-prerender="en">EN</div>' +
      '<div data-prerender="zh-Hant">繁</div></div>';
    dropOtherPrerenders(document, 'en');
    expect(document.getElementById('root')?.textContent).toBe('EN');
  });
});

describe('runEntryAfterFirstPaint: the app starts once the prerendered screen is on screen', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.head.querySelectorAll('script[src="/assets/index.js"]').forEach((script) => script.remove());
  });

  const entries = () => document.head.querySelectorAll('script[type="module"][src="/assets/index.js"]');

  it('adds the entry once, after the next frame', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    const target = Object.assign(Object.create(window) as Window, {
      document,
      requestAnimationFrame: (callback: FrameRequestCallback) => frames.push(callback),
      setTimeout: (work: () => void, ms: number) => setTimeout(work, ms),
    });
    runEntryAfterFirstPaint(target, '/assets/index.js');
    vi.advanceTimersByTime(10);
    expect(entries(), 'nothing before the frame').toHaveLength(0);
    frames.forEach((frame) => frame(0));
    vi.advanceTimersByTime(1);
    expect(entries()).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(entries(), 'never twice').toHaveLength(1);
  });

  it('still starts in a tab that paints no frame (opened in the background)', () => {
    vi.useFakeTimers();
    const target = Object.assign(Object.create(window) as Window, {
      document,
      requestAnimationFrame: () => 0,
      setTimeout: (work: () => void, ms: number) => setTimeout(work, ms),
    });
    runEntryAfterFirstPaint(target, '/assets/index.js');
    vi.advanceTimersByTime(1000);
    expect(entries()).toHaveLength(1);
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
