import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { languages, type Language } from '../../src/i18n/languages.ts';
import { createI18n } from '../../src/i18n/setup.ts';
import { diagnosisKey } from '../../src/persistence/diagnosis-store.ts';
import { historyKey } from '../../src/persistence/history-store.ts';
import { ErrorBoundary } from '../../src/ui/error-boundary.tsx';
import { resources, text } from '../support/content.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';

const crash = (key: string, language: Language = 'zh-CN') => text(language, 'common', `crash.${key}`);

/** A view that breaks while the switch is on, as a bug in one screen would. */
function Fragile({ broken }: { broken: { on: boolean } }) {
  if (broken.on) throw new Error('this screen broke');
  return <p>the screen works again</p>;
}

async function renderInLanguage(language: Language, children: ReactNode) {
  const i18n = await createI18n({ language, resources });
  return render(<I18nextProvider i18n={i18n}>{children}</I18nextProvider>);
}

describe('when a screen fails to render', () => {
  beforeEach(() => {
    // React reports every caught render error on the console; these are expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const language of languages) {
    it(`shows a recovery screen in the user's language (${language}) instead of a blank page`, async () => {
      await renderInLanguage(
        language,
        <ErrorBoundary onRestart={() => undefined}>
          <Fragile broken={{ on: true }} />
        </ErrorBoundary>,
      );
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(crash('title', language));
      expect(screen.getByText(crash('body', language))).toBeInTheDocument();
      expect(screen.getByRole('button', { name: crash('restart', language) })).toBeInTheDocument();
    });
  }

  it('reports the error, and Restart the diagnosis asks the app to restart, then shows the screens again', async () => {
    const broken = { on: true };
    const onRestart = vi.fn(() => {
      broken.on = false;
    });
    const onError = vi.fn();
    await renderInLanguage(
      'en',
      <ErrorBoundary onRestart={onRestart} onError={onError}>
        <Fragile broken={broken} />
      </ErrorBoundary>,
    );
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'this screen broke' }), expect.anything());

    await userEvent.setup().click(screen.getByRole('button', { name: crash('restart', 'en') }));
    expect(onRestart).toHaveBeenCalledTimes(1);
    expect(screen.getByText('the screen works again')).toBeInTheDocument();
    expect(screen.queryByText(crash('title', 'en'))).not.toBeInTheDocument();
  });
});

/** The real content with one slip a translator could make: a remedy's list of steps written as one string. */
function contentWithBrokenStep(step: 'fix') {
  const broken = structuredClone(resources) as Record<string, Record<string, Record<string, Record<string, object>>>>;
  const steps = broken['zh-CN']?.steps;
  if (!steps?.network?.[step]) throw new Error('content/zh-CN/steps.json has no network.fix');
  steps.network[step] = { ...steps.network[step], steps: '先检查网络' };
  return broken as typeof resources;
}

describe('the app after a screen crashes (app.tsx restartAfterCrash)', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('goes home on Restart, forgets the diagnosis that broke so a reload cannot bring it back, and keeps the history', async () => {
    const storage = memoryStorage();
    const resourcesWithSlip = contentWithBrokenStep('fix');
    const app = await renderApp({ storage, resources: resourcesWithSlip });
    const { user } = app;
    const click = (name: string | RegExp) => user.click(screen.getByRole('button', { name }));
    const step = (key: string) => text('zh-CN', 'steps', key);

    // A finished diagnosis first, so there is history to keep.
    await click(new RegExp(`^${text('zh-CN', 'common', 'home.start')}`));
    for (const key of ['gate.charged.options.declined', 'scope.cards.options.one', 'balance.check.options.yes'])
      await click(step(key));
    await click(step('balance.fix.options.fixed'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(step('done.resolved.title'));
    await click(text('zh-CN', 'common', 'step.newDiagnosis'));
    await waitFor(() => expect(JSON.parse(storage.getItem(historyKey) ?? '{}').entries).toHaveLength(1));
    const history = storage.getItem(historyKey);

    // The network remedy's content is broken: the screen cannot render.
    await click(new RegExp(`^${text('zh-CN', 'common', 'home.start')}`));
    for (const key of ['gate.charged.options.declined', 'scope.cards.options.all', 'network.signal.options.problem'])
      await click(step(key));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(crash('title'));
    // The step that broke was saved on the way (the shell writes as it unmounts): what Restart must undo.
    await waitFor(() => expect(storage.getItem(diagnosisKey)).toContain('network'));

    await click(crash('restart'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(text('zh-CN', 'common', 'home.title'));
    expect(storage.getItem(diagnosisKey)).toBeNull();
    expect(storage.getItem(historyKey)).toBe(history);

    // The next visit starts clean: no offer to continue into the screen that broke.
    app.unmount();
    await renderApp({ storage, resources: resourcesWithSlip });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(text('zh-CN', 'common', 'home.title'));
    expect(screen.queryByRole('region', { name: text('zh-CN', 'common', 'resume.title') })).toBeNull();
    expect(storage.getItem(historyKey)).toBe(history);
    // Two diagnoses of clicks: more than the default 5 s on a busy two-core machine.
  }, 20_000);
});
