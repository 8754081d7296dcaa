import { useTranslation } from 'react-i18next';
import type { SymptomMatch } from '../domain/lookup/symptom-match.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';

/** When a diagnosis begins, as an ISO time (the case summary and history show it). */
const startTime = () => new Date().toISOString();

/**
 * On the first step after a search: one line saying what the lookup understood, and a way out into step by
 * step when that is not it (a fresh, guided diagnosis from the start).
 */
export function UnderstoodNote() {
  const match = DiagnosisActor.useSelector((s) => s.context.match);
  const firstStep = DiagnosisActor.useSelector((s) => s.context.trail.length === 1);
  return match && firstStep ? <UnderstoodLine match={match} /> : null;
}

/**
 * On the step the POS screen's evidence opened: one line saying what was read from the screen, and Back to pick
 * again (the evidence question keeps its place in the trail).
 */
export function EvidenceLine({ step }: { step: string }) {
  const last = DiagnosisActor.useSelector((s) => s.context.trail.at(-1));
  const match = DiagnosisActor.useSelector((s) => s.context.match);
  return last?.evidence && match && last.step !== step ? <EvidenceRead match={match} /> : null;
}

function EvidenceRead({ match }: { match: SymptomMatch }) {
  const { t } = useTranslation('lookup');
  const actor = DiagnosisActor.useActorRef();
  return (
    <div className="understood evidence-read">
      <p>{t('fromScreen', { what: useUnderstood(match) })}</p>
      <button
        type="button"
        className="secondary-button"
        data-action="evidence-back"
        onClick={() => actor.send({ type: 'nav.back' })}
      >
        {t('notThisScreen')}
      </button>
    </div>
  );
}

function UnderstoodLine({ match }: { match: SymptomMatch }) {
  const { t } = useTranslation('lookup');
  const actor = DiagnosisActor.useActorRef();
  return (
    <div className="understood">
      <p>{t('understood', { what: useUnderstood(match) })}</p>
      <button
        type="button"
        className="secondary-button"
        data-action="guided"
        onClick={() => {
          actor.send({ type: 'session.restart' });
          actor.send({ type: 'diagnosis.start', at: startTime() });
        }}
      >
        {t('notThis')}
      </button>
    </div>
  );
}

/** "请插卡 — …" in the merchant's language: the code, screen message or words the lookup read. */
function useUnderstood(match: SymptomMatch): string {
  const { t } = useTranslation('lookup');
  const { t: tCodes } = useTranslation('codes');
  const { t: tMessages } = useTranslation('messages');
  if (match.via === 'code' && match.code) {
    // Approvals such as 00 have no entry of their own: the code alone says it.
    const meaning = tCodes(`${match.code}.meaning` as never, { defaultValue: '' });
    return meaning
      ? `${t('understoodCode', { code: match.code })} — ${meaning}`
      : t('understoodCode', { code: match.code });
  }
  if (match.via === 'message' && match.message) {
    return `${tMessages(`${match.message}.label` as never)} — ${tMessages(`${match.message}.meaning` as never)}`;
  }
  const label = match.concept ? t(`concepts.${match.concept}.label` as never, { defaultValue: '' }) : '';
  if (label) return `${label} — ${t(`concepts.${match.concept}.meaning` as never)}`;
  // A match saved by an older version has no concept id: its category is still worth saying.
  return match.category ? t(`category.${match.category}` as never) : '';
}
