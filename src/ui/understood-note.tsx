import { useTranslation } from 'react-i18next';
import type { SymptomMatch } from '../domain/lookup/symptom-match.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';
import { GuardedButton } from './tap-guard.tsx';

/** When a diagnosis begins, as an ISO time (the case summary and history show it). */
const startTime = () => new Date().toISOString();

/**
 * On the first step after a search: one line saying what the lookup understood, and a way out into step by
 * step when that is not it (a fresh, guided diagnosis from the start).
 */
export function UnderstoodNote({ wayOutOnly = false }: { wayOutOnly?: boolean }) {
  const match = DiagnosisActor.useSelector((s) => s.context.match);
  const firstStep = DiagnosisActor.useSelector((s) => s.context.trail.length === 1);
  if (!match || !firstStep) return null;
  return wayOutOnly ? <WayOut /> : <UnderstoodLine match={match} />;
}

/**
 * On the step the POS screen's evidence opened: one line saying what was read from the screen, ending with Back to
 * pick again (the evidence question keeps its place in the trail).
 */
export function EvidenceLine({ step, brief = false }: { step: string; brief?: boolean }) {
  const last = DiagnosisActor.useSelector((s) => s.context.trail.at(-1));
  const match = DiagnosisActor.useSelector((s) => s.context.match);
  return last?.evidence && match && last.step !== step ? <EvidenceRead match={match} brief={brief} /> : null;
}

/** `brief`: the way back only (an outcome's title already names what the screen showed, and its page is full). */
function EvidenceRead({ match, brief }: { match: SymptomMatch; brief: boolean }) {
  const { t } = useTranslation('lookup');
  const actor = DiagnosisActor.useActorRef();
  const label = useScreenLabel(match);
  return (
    <p className={brief ? 'evidence-read' : 'understood evidence-read'}>
      {brief ? null : <>{t('fromScreen', { what: label })} </>}
      <GuardedButton
        className="link-button"
        data-action="evidence-back"
        onClick={() => actor.send({ type: 'nav.back' })}
      >
        {t('notThisScreen')}
      </GuardedButton>
    </p>
  );
}

/**
 * The line, with the way out at its end (one line, not a box: the step's action stays on the first screen). Under a
 * code card only the way out, after its answer: the card says what was understood.
 */
function UnderstoodLine({ match }: { match: SymptomMatch }) {
  const { t } = useTranslation('lookup');
  return (
    <p className="understood">
      {t('understood', { what: useUnderstood(match) })} <WayOut link />
    </p>
  );
}

/** "Not this? Go step by step": a fresh, guided diagnosis. A link in the understood line; a button under a code card. */
function WayOut({ link = false }: { link?: boolean }) {
  const { t } = useTranslation('lookup');
  const actor = DiagnosisActor.useActorRef();
  return (
    <GuardedButton
      className={link ? 'link-button' : 'secondary-button'}
      data-action="guided"
      onClick={() => {
        actor.send({ type: 'session.restart' });
        actor.send({ type: 'diagnosis.start', at: startTime() });
      }}
    >
      {t('notThis')}
    </GuardedButton>
  );
}

/**
 * What the screen showed, as the merchant picked it ("应答码 51", "请插卡"): the step's own title says what it means,
 * so the line stays one line and the step's action stays on the first screen.
 */
function useScreenLabel(match: SymptomMatch): string {
  const { t } = useTranslation('lookup');
  const { t: tMessages } = useTranslation('messages');
  const understood = useUnderstood(match);
  if (match.via === 'code' && match.code) return t('understoodCode', { code: match.code });
  if (match.via === 'message' && match.message) return tMessages(`${match.message}.label` as never);
  return understood;
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
