import { lazy, Suspense, type ComponentType } from 'react';
import { useText } from './text.tsx';
import { NumberedSteps } from './numbered-steps.tsx';
import type * as LaterParts from './later-parts-code.ts';
import type { OutcomeViewProps } from './outcome-view.tsx';

type Parts = typeof LaterParts;

/** The parts once their code is here: rendered at once, never through a Suspense fallback. */
let parts: Parts | null = null;
let loading: Promise<Parts | null> | null = null;

/**
 * The code card, the outcome, the success mark, the install offer, support mode's box and the line saying what a
 * search or the screen was read as are never on the first screen, so their code stays out of the first download: the app fetches it once it is idle after
 * starting, long before a search or a diagnosis can reach them. If the fetch fails (offline before the app was
 * cached) an outcome still shows, plainly, and every step still offers its answers.
 */
export function preloadLaterParts(): Promise<Parts | null> {
  loading ??= import('./later-parts-code.ts').then(
    (module) => (parts = module),
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
}

/** A component from the later chunk: direct once loaded, through Suspense (nothing shown) until then. */
function later<P extends object>(pick: (loaded: Parts) => ComponentType<P>, Fallback: ComponentType<P>) {
  const Lazy = lazy(() => preloadLaterParts().then((loaded) => ({ default: loaded ? pick(loaded) : Fallback })));
  return function Later(props: P) {
    const Loaded = parts ? pick(parts) : null;
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

const nothing = () => null;

export const CodeCard = later((loaded) => loaded.CodeCard, nothing);
export const CodeReminder = later((loaded) => loaded.CodeReminder, nothing);
export const Outcome = later((loaded) => loaded.OutcomeView, PlainOutcome);
export const SuccessMark = later((loaded) => loaded.SuccessMark, nothing);
export const UnderstoodNote = later((loaded) => loaded.UnderstoodNote, nothing);
export const EvidenceLine = later((loaded) => loaded.EvidenceLine, nothing);
// Offered only after a finished diagnosis, long after the later parts have loaded.
export const InstallOffer = later((loaded) => loaded.InstallOffer, nothing);
// Support mode's script and note: an agent turns it on long after the app has loaded the later parts.
export const SupportBox = later((loaded) => loaded.SupportBox, nothing);

/** Everything an outcome says, unfolded: shown only when the outcome's own code could not be fetched. */
function PlainOutcome({ content, warningAt }: OutcomeViewProps) {
  const { t } = useText();
  return (
    <>
      {content.summary ? <p className="lead">{content.summary}</p> : null}
      <NumberedSteps
        title={t('step.stepsTitle')}
        items={content.remedy}
        warning={content.warning}
        {...(warningAt === undefined ? {} : { warningAt })}
      />
      {content.escalation ? (
        <section className="escalation">
          <h2>{t('step.escalationTitle')}</h2>
          <p>{content.escalation.who}</p>
          <p>{content.escalation.when}</p>
          <p>{content.escalation.text}</p>
        </section>
      ) : null}
    </>
  );
}
