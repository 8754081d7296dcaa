import { useRef } from 'react';
import { useText } from './text.tsx';
import { resolvedOutcome } from '../domain/case/case-summary.ts';
import type { Seat } from '../domain/case/seat.ts';
import { findResponseCode } from '../domain/lookup/response-codes.ts';
import type { CaseFieldsState } from './case-fields-state.ts';
import { currentStep, isAtOutcome } from '../domain/diagnosis/diagnosis.machine.ts';
import { answersOf } from '../domain/diagnosis/flow.ts';
import { stepInfo, usualPinTries, type StepId } from '../domain/diagnosis/steps.ts';
import { AnswerList } from './answer-list.tsx';
import { EvidencePanel } from './evidence-panel.tsx';
import { DiagnosisActor } from './diagnosis-actor.ts';
import { NumberedSteps } from './numbered-steps.tsx';
import { CodeCard, CodeReminder, EvidenceLine, Outcome, SupportBox, UnderstoodNote } from './later-parts.tsx';
import { useStepContent } from './content.ts';
import { StepHeading } from './step-heading.tsx';
import { useDesk } from './desk.ts';
import { SeatPicker } from './seat-picker.tsx';
import { GuardedButton } from './tap-guard.tsx';
import { useSupportKeys } from './support-keys.ts';
import { Trail } from './trail.tsx';
import { WarningNote } from './warning-note.tsx';
import { warningIndex } from './warning-place.ts';

/** Support mode's case state, kept by the app for the length of one case. */
export interface SupportState {
  seat: Seat | null;
  onPickSeat: (seat: Seat) => void;
  onChangeSeat: () => void;
  note: string;
  onNoteChange: (note: string) => void;
  caseFields: CaseFieldsState;
}

interface StepScreenProps {
  step: StepId;
  /** Support mode: the script to read out, the step-code field and the note on every step. */
  supportMode?: boolean;
  support?: SupportState | undefined;
  /** Opens the case summary of this diagnosis. */
  onOpenSummary?: () => void;
  /** The app's clock (support-mode timers). */
  now: () => Date;
}

/** Renders whatever step the machine is on; which answers exist and where they lead is the machine's business. */
export function StepScreen({ step, supportMode = false, support, onOpenSummary, now }: StepScreenProps) {
  const { t } = useText();
  const actor = DiagnosisActor.useActorRef();
  const desk = useDesk();
  const codeInput = useRef<HTMLInputElement>(null);
  const trail = DiagnosisActor.useSelector((s) => s.context.trail);
  const code = DiagnosisActor.useSelector((s) => s.context.match?.code ?? null);
  const previous = DiagnosisActor.useSelector((s) => s.context.remembered[step]);
  // Reached straight from the code card (the trail holds the steps left behind), and the step its code opens.
  const fromCodeCard = DiagnosisActor.useSelector(
    (s) =>
      s.context.trail.at(-1)?.step === 'lookup.code' && findResponseCode(s.context.match?.code ?? '')?.step === step,
  );
  const pinWrong = DiagnosisActor.useSelector((s) => s.context.pinWrong);
  const info = stepInfo(step);
  const seat = support?.seat ?? null;
  // In support mode the step speaks from the agent's seat (who does what next).
  const content = useStepContent(
    step,
    {
      ...(code ? { code } : {}),
      wrong: String(pinWrong),
      left: String(Math.max(0, usualPinTries - pinWrong)),
    },
    supportMode ? seat : null,
    supportMode,
  );
  const answers = answersOf(step);
  const outcome = DiagnosisActor.useSelector(isAtOutcome);
  const keys = supportMode && seat !== null;
  // A code the caller reads out is keyed on the step's code pad: there, 5 then 1 must not pick answers 5 and 1.
  const answerKeys = keys && !info.asksEvidence;
  useSupportKeys(keys, {
    answerKeys,
    onAnswer: (index) => {
      const answer = answers[index];
      if (answer) actor.send({ type: `answer.${answer}`, step });
    },
    onBack: () => {
      if (actor.getSnapshot().can({ type: 'nav.back' })) actor.send({ type: 'nav.back' });
    },
    codeInput,
  });

  if (!content) {
    return (
      <section className="step" data-step={step}>
        <StepHeading title={t('errors.contentMissing')} focusKey={step} code={info.code} />
      </section>
    );
  }

  const remedy = info.kind === 'remedy';
  const items = remedy ? content.steps : outcome ? content.remedy : undefined;
  const warningAt = items?.length ? warningIndex(step, items.length) : 0;
  // After the code card, its code stays one tap away; the step does not explain the code a second time.
  const reminder = fromCodeCard && code ? <CodeReminder code={code} /> : null;
  const success = outcome && step === resolvedOutcome;

  // Keyed by step: each step is new content, not the last one's elements moved about (no layout shift, no
  // pressed or focused answer carried over to the next question).
  return (
    <section
      key={step}
      className={`step step-${info.kind}${success ? ' step-success' : ''}${supportMode ? ' step-support' : ''}`}
      data-step={step}
      data-kind={info.kind}
    >
      <div className="step-main">
        <StepHeading
          title={content.title ?? step}
          code={info.code}
          focusKey={step}
          progress={t('step.progress', { count: trail.length })}
          success={success}
        />
        {supportMode && support && !seat ? <SeatPicker onPick={support.onPickSeat} /> : null}
        {reminder}
        {info.kind === 'question' || info.kind === 'code' ? (
          <>
            {content.prompt ? <p className="lead">{content.prompt}</p> : null}
            {info.kind === 'code' && code ? <CodeCard code={code} /> : null}
            {info.asksEvidence ? (
              <EvidencePanel
                step={step}
                hint={content.hint}
                onEvidence={(match) => actor.send({ type: 'evidence.shown', step, match })}
              />
            ) : null}
            {content.hint && !info.asksEvidence ? <p className="hint">{content.hint}</p> : null}
            <WarningNote text={content.warning} />
          </>
        ) : null}
        {remedy ? (
          <>
            <NumberedSteps
              title={t('step.stepsTitle')}
              items={content.steps}
              warning={content.warning}
              warningAt={warningAt}
            />
            {content.pin ? <p className="pin-tries">{content.pin}</p> : null}
            {content.check ? <p className="check">{content.check}</p> : null}
          </>
        ) : null}
        {outcome ? (
          <Outcome
            content={content}
            escalateTo={info.escalateTo}
            seat={supportMode ? seat : null}
            warningAt={warningAt}
            success={success}
            showSummary={!reminder}
            detailsOpen={supportMode}
            onOpenSummary={onOpenSummary}
          />
        ) : null}
        {answers.length > 0 ? (
          <AnswerList
            answers={answers}
            labels={content.options}
            previous={previous}
            onAnswer={(answer) => actor.send({ type: `answer.${answer}`, step })}
            numbered={answerKeys}
          />
        ) : null}
        {/* What was read (from the search or the screen) and the way back: a receipt under the action, not before it. */}
        {info.kind === 'code' ? <UnderstoodNote wayOutOnly /> : <UnderstoodNote />}
        <EvidenceLine step={step} brief={outcome} />
        {/* A remedy's "why": detail for whoever wants it, after the answers (the code card already said it). */}
        {remedy && content.prompt && !reminder ? (
          <details className="fold">
            <summary>{t('step.why')}</summary>
            <p className="hint">{content.prompt}</p>
          </details>
        ) : null}
        {outcome ? (
          <div className="outcome-actions">
            {onOpenSummary && !success ? (
              <GuardedButton className="answer summary-open" data-action="summary" onClick={onOpenSummary}>
                {t('step.summary')}
              </GuardedButton>
            ) : null}
            <GuardedButton
              className="answer primary"
              data-action="new"
              onClick={() => actor.send({ type: 'session.restart' })}
            >
              {t('step.newDiagnosis')}
            </GuardedButton>
          </div>
        ) : onOpenSummary ? (
          <GuardedButton className="secondary-button summary-open" data-action="summary" onClick={onOpenSummary}>
            {t('step.summary')}
          </GuardedButton>
        ) : null}
        {/* At a desk the support box shows the trail beside the step. */}
        {supportMode && desk ? null : <Trail trail={trail} />}
      </div>
      {/* After the answers: on a phone the agent answers first; at a desk it sits beside them (styles.css). */}
      {supportMode && support ? (
        <SupportBox
          step={step}
          script={content.script}
          now={now}
          seat={seat}
          onChangeSeat={support.onChangeSeat}
          note={support.note}
          onNoteChange={support.onNoteChange}
          caseFields={support.caseFields}
          codeInput={codeInput}
        />
      ) : null}
    </section>
  );
}

/** The step the running diagnosis is on ('home' before it starts). */
export function useCurrentStep() {
  return DiagnosisActor.useSelector(currentStep);
}
