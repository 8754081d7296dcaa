import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { App } from '../../src/app/app.tsx';
import { keepEarlyTaps, takeEarlyTap } from '../../src/app/first-screen.ts';
import { createI18n } from '../../src/i18n/setup.ts';
import { memoryRecords } from '../../src/persistence/records.ts';
import { PwaProvider } from '../../src/pwa/pwa-context.tsx';
import { resources, text } from '../support/content.ts';
import { memoryStorage, quietBridges, renderApp } from '../support/render-app.tsx';

const common = (key: string) => text('zh-CN', 'common', key);
const heading = () => screen.getByRole('heading', { level: 1 });

async function search(query: string) {
  const view = await renderApp();
  await view.user.type(screen.getByRole('searchbox', { name: common('home.searchLabel') }), query);
  await view.user.click(screen.getByRole('button', { name: common('home.searchSubmit') }));
  // The lookup loads lazily: on a busy machine the first search can outlast the click. Every search either leaves
  // home or says something there.
  await waitFor(() =>
    expect(heading().textContent !== common('home.title') || screen.queryByRole('status')).toBeTruthy(),
  );
  return view;
}

describe('starting from what the terminal shows', () => {
  it('explains a response code, then continues into its branch', async () => {
    const { user } = await search('应答码51');
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'lookup.code.title').replace('{{code}}', '51'));
    // The code card's code loads once the app is idle (later-parts): under load it can come after the heading.
    expect(await screen.findByText(text('zh-CN', 'codes', '51.meaning'), {}, { timeout: 5000 })).toBeInTheDocument();
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

  it('says plainly when nothing matched, keeps what was typed, and offers step by step right there', async () => {
    const { user } = await search('今天天气不错');
    expect(screen.getByRole('status')).toHaveTextContent(text('zh-CN', 'lookup', 'noMatch'));
    expect(screen.getByRole('searchbox')).toHaveValue('今天天气不错');
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'lookup', 'stepByStep') }));
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'gate.charged.title'));
  });

  it('says what it understood from a screen message, and offers step by step when that is not it', async () => {
    const { user } = await search('屏幕上冒出来一行字：请插卡');
    const understood = text('zh-CN', 'lookup', 'understood').replace(
      '{{what}}',
      `${text('zh-CN', 'messages', 'insertCard.label')} — ${text('zh-CN', 'messages', 'insertCard.meaning')}`,
    );
    expect(screen.getByText(understood)).toBeInTheDocument();
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'limit.insert.title'));
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'lookup', 'notThis') }));
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'gate.charged.title'));
    expect(screen.queryByText(understood)).not.toBeInTheDocument();
  });

  it('reads a contradiction in words as an unknown outcome, and says so before the status check', async () => {
    await search('刷卡显示失败，后来又成功了');
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'safety.query.title'));
    const { label, meaning } = {
      label: text('zh-CN', 'lookup', 'concepts.outcomeConflict.label'),
      meaning: text('zh-CN', 'lookup', 'concepts.outcomeConflict.meaning'),
    };
    expect(
      screen.getByText(text('zh-CN', 'lookup', 'understood').replace('{{what}}', `${label} — ${meaning}`)),
    ).toBeInTheDocument();
  });

  it('says what it understood in English, code and all', async () => {
    const view = await renderApp({ language: 'en' });
    await view.user.type(
      screen.getByRole('searchbox', { name: text('en', 'common', 'home.searchLabel') }),
      'DECLINED 05 DO NOT HONOUR',
    );
    await view.user.click(screen.getByRole('button', { name: text('en', 'common', 'home.searchSubmit') }));
    // The code card is what was understood: the code in the title, its meaning on the card (not said twice).
    expect(heading()).toHaveTextContent(text('en', 'steps', 'lookup.code.title').replace('{{code}}', '05'));
    const card = screen.getByRole('region', { name: text('en', 'lookup', 'cardLabel').replace('{{code}}', '05') });
    expect(within(card).getByText(text('en', 'codes', '05.meaning'))).toBeInTheDocument();
    expect(screen.getAllByText(text('en', 'codes', '05.meaning'))).toHaveLength(1);
    expect(screen.getByRole('button', { name: text('en', 'lookup', 'notThis') })).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: text('en', 'steps', 'lookup.code.options.continue') }));
    expect(screen.queryByRole('button', { name: text('en', 'lookup', 'notThis') })).not.toBeInTheDocument();
  });

  it("says a code it does not know is probably the POS company's own: read, check, call, or go step by step", async () => {
    const { user } = await search('E1');
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(text('zh-CN', 'lookup', 'privateCode.lead').replace('{{code}}', 'E1'));
    for (const part of ['read', 'check', 'call'])
      expect(status).toHaveTextContent(text('zh-CN', 'lookup', `privateCode.${part}`));
    // Never "not found", never an outcome: home stays, with what was typed, and the way on is one tap.
    expect(status).not.toHaveTextContent(text('zh-CN', 'lookup', 'noMatch'));
    expect(heading()).toHaveTextContent(common('home.title'));
    expect(screen.getByRole('searchbox')).toHaveValue('E1');
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'lookup', 'stepByStep') }));
    expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'gate.charged.title'));
  });

  it('says the same about an unknown code in English, the code in its words', async () => {
    const view = await renderApp({ language: 'en' });
    await view.user.type(screen.getByRole('searchbox', { name: text('en', 'common', 'home.searchLabel') }), 'code T2');
    await view.user.click(screen.getByRole('button', { name: text('en', 'common', 'home.searchSubmit') }));
    expect(screen.getByRole('status')).toHaveTextContent(
      text('en', 'lookup', 'privateCode.lead').replace('{{code}}', 'T2'),
    );
  });

  it('says when a code belongs to another system', async () => {
    await search('错误码 1001');
    expect(screen.getByRole('status')).toHaveTextContent(text('zh-CN', 'lookup', 'otherSystem'));
  });

  it("never opens a step by its short code: an acquirer's own code may look like one (S8)", async () => {
    await search('W-2');
    expect(heading()).toHaveTextContent(common('home.title'));
  });

  it('never opens an outcome from a typed code that used to be a step code ("E2" is a timeout on some terminals)', async () => {
    await search('E2');
    expect(heading()).not.toHaveTextContent(text('zh-CN', 'steps', 'done.paid.title'));
  });
});

describe('a search on the prerendered home, before the app has started', () => {
  /** The home as the build writes it into index.html, with the boot script keeping taps, not yet hydrated. */
  async function prerenderedHome() {
    const i18n = await createI18n({ language: 'zh-CN', resources });
    const app = (onStarted?: () => void) => (
      <PwaProvider bridges={quietBridges()}>
        <App i18n={i18n} settings={memoryStorage()} records={memoryRecords()} {...(onStarted ? { onStarted } : {})} />
      </PwaProvider>
    );
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = renderToString(app());
    keepEarlyTaps(window);
    /** What main.tsx does: hydrate, and once the app answers make the kept tap again. */
    const start = () =>
      act(() => {
        const root = hydrateRoot(
          container,
          app(() => takeEarlyTap(window)?.click()),
        );
        onTestFinished(() => {
          root.unmount();
          container.remove();
          delete window.tapfixEarlyTaps;
        });
      });
    // Typed as a browser types into a page no script handles yet (userEvent would wrap the box for React).
    const type = (value: string) => {
      const box = screen.getByRole<HTMLInputElement>('searchbox');
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // Enter in the box: the browser clicks the form's submit button (implicit submission).
    const pressEnter = () => screen.getByRole('button', { name: common('home.searchSubmit') }).click();
    return { type, pressEnter, start };
  }

  it('is carried out with the typed text once the app answers, when Enter was pressed before', async () => {
    const { type, pressEnter, start } = await prerenderedHome();
    type('应答码51');
    pressEnter();
    expect(heading()).toHaveTextContent(common('home.title'));
    await start();
    await waitFor(
      () => expect(heading()).toHaveTextContent(text('zh-CN', 'steps', 'lookup.code.title').replace('{{code}}', '51')),
      { timeout: 5000 },
    );
  });

  it('keeps text typed before the app started, for the search sent after', async () => {
    const { type, start } = await prerenderedHome();
    type('今天天气不错');
    await start();
    await userEvent.setup().click(screen.getByRole('button', { name: common('home.searchSubmit') }));
    expect(await screen.findByRole('status', {}, { timeout: 5000 })).toHaveTextContent(
      text('zh-CN', 'lookup', 'noMatch'),
    );
    expect(screen.getByRole('searchbox')).toHaveValue('今天天气不错');
  });
});
