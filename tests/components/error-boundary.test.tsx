import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentStep } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { languages, type Language } from '../../src/i18n/languages.ts';
import { createI18n } from '../../src/i18n/setup.ts';
import { memoryRecords } from '../../src/persistence/records.ts';
import { DiagnosisActor } from '../../src/ui/diagnosis-actor.ts';
import { ErrorBoundary } from '../../src/ui/error-boundary.tsx';
import { TextProvider } from '../../src/ui/text.tsx';
import { resources, text } from '../support/content.ts';
import { renderApp } from '../support/render-app.tsx';

const crash = (key: string, language: Language = 'zh-CN') => text(language, 'common', `crash.${key}`);

/** A view that breaks while the switch is on, as a bug in one screen would. */
function Fragile({ broken }: { broken: { on: boolean } }) {
  if (broken.on) throw new Error('this screen broke');
  return <p>the screen works again</p>;
}

async function renderInLanguage(language: Language, children: ReactNode) {
  const i18n = await createI18n({ language, resources });
  return render(
    <I18nextProvider i18n={i18n}>
      <TextProvider>{children}</TextProvider>
    </I18nextProvider>,
  );
}

/** The app's wiring: restart goes home; nothing stored is touched (home offers the save again). */
function Guarded({ children }: { children: ReactNode }) {
  const actor = DiagnosisActor.useActorRef();
  return <ErrorBoundary onRestart={() => actor.send({ type: 'session.restart' })}>{children}</ErrorBoundary>;
}

/** A stand-in diagnosis screen that breaks on scope.cards; its button starts or answers "declined". */
function BrokenOnScope() {
  const step = DiagnosisActor.useSelector(currentStep);
  const actor = DiagnosisActor.useActorRef();
  if (step === 'scope.cards') throw new Error('scope view broke');
  return (
    <button
      type="button"
      onClick={() => actor.send(step === 'home' ? { type: 'diagnosis.start' } : { type: 'answer.declined', step })}
    >
      {step}
    </button>
  );
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

  it('restarting goes back home and keeps the saved diagnosis and the history', async () => {
    const saved = { 'tapfix.history.abcdefgh': '{"schema":2}', 'tapfix.diagnosis.abcdefgh': '{"schema":3}' };
    const records = memoryRecords(saved);
    const user = userEvent.setup();
    await renderInLanguage(
      'zh-CN',
      <DiagnosisActor.Provider>
        <Guarded>
          <BrokenOnScope />
        </Guarded>
      </DiagnosisActor.Provider>,
    );

    await user.click(screen.getByRole('button', { name: 'home' }));
    await user.click(screen.getByRole('button', { name: 'gate.charged' }));
    await user.click(screen.getByRole('button', { name: crash('restart') }));

    expect(screen.getByRole('button', { name: 'home' })).toBeInTheDocument();
    expect(records.dump()).toEqual(saved);
  });
});

/** The real content with one slip a translator could make: a remedy's list of steps written as one string. */
function contentWithBrokenRemedy() {
  const broken = structuredClone(resources) as Record<string, Record<string, Record<string, Record<string, object>>>>;
  const fix = broken['zh-CN']?.steps?.network?.fix;
  if (!fix || !broken['zh-CN']?.steps?.network) throw new Error('content/zh-CN/steps.json has no network.fix');
  broken['zh-CN'].steps.network.fix = { ...fix, steps: '先检查网络' };
  return broken as typeof resources;
}

describe('the app after a screen crashes (app.tsx, its real wiring)', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("goes home on Restart without following the broken step's address back in, and keeps the save and the history", async () => {
    const records = memoryRecords();
    const { user } = await renderApp({ records, resources: contentWithBrokenRemedy() });
    const click = (name: string | RegExp) => user.click(screen.getByRole('button', { name }));
    const step = (key: string) => text('zh-CN', 'steps', key);
    const heading = () => screen.getByRole('heading', { level: 1 });
    const stored = (prefix: string) => Object.keys(records.dump()).filter((key) => key.startsWith(prefix));

    // A finished diagnosis first, so there is history to keep.
    await click(new RegExp(`^${text('zh-CN', 'common', 'home.start')}`));
    for (const key of ['gate.charged.options.declined', 'scope.cards.options.one', 'wallet.device.options.phone'])
      await click(step(key));
    await click(step('wallet.unlock.options.fixed'));
    expect(heading()).toHaveTextContent(step('done.resolved.title'));
    await click(text('zh-CN', 'common', 'step.newDiagnosis'));
    await waitFor(() => expect(stored('tapfix.history.')).toHaveLength(1));
    const history = stored('tapfix.history.').map((key) => records.dump()[key]);

    // The network remedy's content is broken: that screen cannot render.
    await click(new RegExp(`^${text('zh-CN', 'common', 'home.start')}`));
    for (const key of ['gate.charged.options.declined', 'scope.cards.options.all', 'network.signal.options.problem'])
      await click(step(key));
    expect(heading()).toHaveTextContent(crash('title'));
    await waitFor(() => expect(location.hash).toBe('#/step/network.fix'));
    await waitFor(() => expect(stored('tapfix.diagnosis.')).toHaveLength(1));

    await click(crash('restart'));
    expect(heading()).toHaveTextContent(text('zh-CN', 'common', 'home.title'));
    expect(location.hash).not.toContain('network.fix');
    // Nothing stored is lost: the history entry as it was, and the save (home offers it again).
    expect(stored('tapfix.history.').map((key) => records.dump()[key])).toEqual(history);
    expect(stored('tapfix.diagnosis.')).toHaveLength(1);
  }, 20_000);
});
