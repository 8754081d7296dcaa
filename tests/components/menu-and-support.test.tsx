import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { text } from '../support/content.ts';
import { memoryRecords } from '../../src/persistence/records.ts';
import { pressBrowserBack } from '../support/browser-back.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';

const common = (key: string, locale = 'zh-CN') => text(locale, 'common', key);
const steps = (key: string, locale = 'zh-CN') => text(locale, 'steps', key);
const scripts = (key: string, locale = 'zh-CN') => text(locale, 'scripts', key);
const heading = () => screen.getByRole('heading', { level: 1 });
const startsWith = (value: string) => new RegExp(`^${value}`);
/** Pages other than the menu load on first use: waits for the page's heading. */
const loaded = (title: string) => screen.findByRole('heading', { level: 1, name: title });

type Render = Awaited<ReturnType<typeof renderApp>>;

async function openMenu({ user }: Render) {
  await user.click(screen.getByRole('button', { name: common('menu.open') }));
}

async function switchSupportMode(view: Render) {
  await openMenu(view);
  await view.user.click(screen.getByRole('switch', { name: common('menu.support') }));
  await view.user.click(screen.getByRole('button', { name: common('page.close') }));
}

describe('the header menu', () => {
  it('lists history, the flow map, about and the support switch as big buttons, its heading focused', async () => {
    const view = await renderApp();
    await openMenu(view);
    expect(heading()).toHaveTextContent(common('menu.title'));
    expect(heading()).toHaveFocus();
    for (const target of ['history', 'map', 'about']) {
      expect(screen.getByRole('button', { name: startsWith(common(`menu.${target}`)) })).toBeVisible();
    }
    expect(screen.getByRole('switch', { name: common('menu.support') })).not.toBeChecked();
  });

  it('opens a page from the menu and closes it with the phone Back, back to the same step', async () => {
    const view = await renderApp();
    await view.user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
    await view.user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    await openMenu(view);
    await view.user.click(screen.getByRole('button', { name: startsWith(common('menu.about')) }));
    await loaded(text('zh-CN', 'about', 'page.title'));
    expect(heading()).toHaveFocus();
    expect(screen.queryByRole('navigation', { name: common('nav.label') })).toBeNull();

    await pressBrowserBack();
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    // The page took one history entry only: the next Back is one step back in the diagnosis.
    await pressBrowserBack();
    expect(heading()).toHaveTextContent(steps('gate.charged.title'));
  });

  it('opens a step from the flow map, which closes the map', async () => {
    const view = await renderApp();
    await openMenu(view);
    await view.user.click(screen.getByRole('button', { name: startsWith(common('menu.map')) }));
    await loaded(text('zh-CN', 'map', 'page.title'));
    await view.user.type(screen.getByRole('searchbox'), 'N2');
    const open = text('zh-CN', 'map', 'node.openLabel').replace('{{title}}', steps('network.fix.title'));
    await act(async () => {
      await view.user.click(screen.getByRole('button', { name: open }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(heading()).toHaveTextContent(steps('network.fix.title'));
    expect(location.hash).toBe('#/step/network.fix');
  });
});

describe('support mode', () => {
  it('shows on every step what to read out and what to listen for, and stays on after a reload', async () => {
    const storage = memoryStorage();
    const records = memoryRecords();
    const view = await renderApp({ storage, records });
    await switchSupportMode(view);
    expect(storage.dump()['tapfix.support']).toBe('on');
    await view.user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));

    const box = screen.getByRole('complementary', { name: common('support.title') });
    // On a phone the script is folded under the answers: one tap opens it.
    await view.user.click(within(box).getByText(common('support.detail')));
    expect(within(box).getByRole('heading', { name: common('support.say') })).toBeVisible();
    expect(box).toHaveTextContent(scripts('gate.charged.say'));
    expect(within(box).getByRole('heading', { name: common('support.listen') })).toBeVisible();
    expect(box).toHaveTextContent(scripts('gate.charged.listen'));

    await view.user.click(screen.getByRole('button', { name: steps('gate.charged.options.declined') }));
    expect(screen.getByRole('complementary', { name: common('support.title') })).toHaveTextContent(
      scripts('scope.cards.say'),
    );
    view.unmount();

    const reloaded = await renderApp({ storage, records });
    await reloaded.user.click(screen.getByRole('button', { name: common('resume.continue') }));
    expect(heading()).toHaveTextContent(steps('scope.cards.title'));
    expect(screen.getByRole('complementary', { name: common('support.title') })).toBeVisible();
  });

  it('turned on at a step, shows its script with its first frame, though the scripts load only then', async () => {
    const view = await renderApp({ lazyContent: true });
    await view.user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
    expect(view.i18n.hasLoadedNamespace('scripts'), 'not on a merchant screen').toBe(false);
    // Every frame React commits: a support box without its script would be a flash of missing text.
    const frames: Array<{ box: boolean; script: boolean }> = [];
    const observer = new MutationObserver(() =>
      frames.push({
        box: document.querySelector('[data-support="script"]') !== null,
        script: document.querySelector('[data-support="script"] .support-say') !== null,
      }),
    );
    observer.observe(document.body, { childList: true, subtree: true });
    await view.user.click(screen.getByRole('button', { name: common('support.toggleLabel') }));
    const box = await screen.findByRole('complementary', { name: common('support.title') });
    observer.disconnect();
    expect(box).toHaveTextContent(scripts('gate.charged.say'));
    expect(frames.filter((frame) => frame.box && !frame.script)).toEqual([]);
    expect(frames.some((frame) => frame.box)).toBe(true);
  });

  it('fills the response code into the script of the code step', async () => {
    const storage = memoryStorage();
    storage.setItem('tapfix.support', 'on');
    const view = await renderApp({ storage });
    await view.user.type(screen.getByRole('searchbox'), '51');
    await view.user.click(screen.getByRole('button', { name: common('home.searchSubmit') }));
    const box = screen.getByRole('complementary', { name: common('support.title') });
    expect(box).toHaveTextContent(scripts('lookup.code.say').replace('{{code}}', '51'));
  });

  it('opens a step by the code a caller reads out, from any step', async () => {
    const storage = memoryStorage();
    storage.setItem('tapfix.support', 'on');
    const view = await renderApp({ storage });
    await view.user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
    const codeField = screen.getByRole('textbox', { name: common('support.openLabel') });
    await view.user.type(codeField, 'x9{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent(common('support.notFound'));
    await view.user.clear(screen.getByRole('textbox', { name: common('support.openLabel') }));
    await view.user.type(screen.getByRole('textbox', { name: common('support.openLabel') }), 'n2');
    await view.user.click(screen.getByRole('button', { name: common('support.openSubmit') }));
    expect(heading()).toHaveTextContent(steps('network.fix.title'));
    expect(heading()).toHaveFocus();
  });

  it('shows no script box when it is off', async () => {
    const view = await renderApp();
    await view.user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(screen.queryByText(scripts('gate.charged.say'))).toBeNull();
  });
});

describe('text on the new screens comes from content only', () => {
  /** What is left once content keys (cimode shows keys instead of words) and short step codes are removed. */
  function literals(root: Element): string {
    const clone = root.cloneNode(true) as Element;
    // The summary text is rendered from content by renderCaseSummary, tested on its own.
    clone.querySelectorAll('.summary-text').forEach((node) => node.remove());
    return (clone.textContent ?? '')
      .replace(/[\w-]+:[\w.-]+/g, ' ')
      .replace(/[a-zA-Z]+(\.[a-zA-Z0-9-]+)+/g, ' ')
      .replace(/\b[A-Z]-[0-9]\b/g, ' ')
      .trim();
  }

  it('renders the resume offer, menu, history, support box and case summary without words of their own', async () => {
    const storage = memoryStorage();
    storage.setItem('tapfix.support', 'on');
    const records = memoryRecords();
    const first = await renderApp({ storage, records });
    await first.user.click(screen.getByRole('button', { name: startsWith(common('home.start')) }));
    await first.user.click(screen.getByRole('button', { name: steps('gate.charged.options.paid') }));
    await first.user.click(screen.getByRole('button', { name: common('nav.back') }));
    first.unmount();

    const { user, container, i18n } = await renderApp({ storage, records });
    /** Shows the screen in cimode (keys instead of words), checks it, and returns to Chinese. */
    async function expectNoLiterals() {
      await act(async () => void (await i18n.changeLanguage('cimode')));
      expect(literals(container)).toBe('');
      await act(async () => void (await i18n.changeLanguage('zh-CN')));
    }

    expect(screen.getByRole('region', { name: common('resume.title') })).toBeVisible();
    await expectNoLiterals();
    await user.click(screen.getByRole('button', { name: common('resume.continue') }));
    expect(screen.getByRole('complementary', { name: common('support.title') })).toBeVisible();
    await expectNoLiterals();

    await user.click(screen.getByRole('button', { name: common('step.summary') }));
    await loaded(text('zh-CN', 'summary', 'page.title'));
    await user.type(screen.getByRole('textbox', { name: text('zh-CN', 'summary', 'form.labels.amount') }), '12.345');
    await user.tab();
    await expectNoLiterals();

    await user.click(screen.getByRole('button', { name: common('menu.open') }));
    await expectNoLiterals();
    await user.click(screen.getByRole('button', { name: startsWith(common('menu.history')) }));
    await loaded(common('history.title'));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    await expectNoLiterals();
  });
});
