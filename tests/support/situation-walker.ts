/**
 * Walks a counter situation (tests/support/situations.ts) through the real machine, tap by tap, from opening the
 * app to the first concrete action that fits it: a remedy or an outcome. No typing: the ways in are the home
 * chips and the start button. The status check counts like any other screen. Used by the unit test and the bench.
 */
import { createActor, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import {
  currentStep,
  getDiagnosisMachine,
  type DiagnosisEvent,
  type DiagnosisMachine,
} from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { answersOf } from '../../src/domain/diagnosis/flow.ts';
import { stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import { readKeyedCode } from '../../src/domain/lookup/code-evidence.ts';
import { messageMatch } from '../../src/domain/lookup/screen-messages.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import type { Entry, Situation } from './situations.ts';

const diagnosisMachine = getDiagnosisMachine();

export interface Walk {
  readonly situation: string;
  /** `chip:<message id>` or `start`. */
  readonly entry: string;
  /** Taps from the home screen to where the walk stopped (the fitting action, when reached). */
  readonly taps: number;
  /** Keypad presses for the response code's own characters (the OK key counts as a tap). */
  readonly keys: number;
  /** The screens shown, home first. */
  readonly path: readonly string[];
  /** The first remedy or outcome shown, fitting or not. */
  readonly firstAction: StepId | null;
  /** The fitting action the walk reached, if any. */
  readonly reached: StepId | null;
  /** Remedies and outcomes shown before the fitting one (each cost the merchant a try). */
  readonly detours: readonly StepId[];
  /** Taps spent on the status check (safety.*). */
  readonly statusCheckTaps: number;
  /** The status check came before any remedy or outcome. */
  readonly statusCheckFirst: boolean;
  /** Why the walk did not reach a fitting action cleanly; null when it did. */
  readonly problem: string | null;
}

/** More taps than any sensible walk: a loop in the flow, not a long diagnosis. */
const maxTaps = 40;

const entryName = (entry: Entry) => ('chip' in entry ? `chip:${entry.chip}` : 'start');
/** The status check's own screens (query, reversal, duplicate) are the check, not advice on this sale's problem. */
const isStatusCheck = (step: StepId) => step.startsWith('safety.');
const givesAdvice = (step: StepId) => !isStatusCheck(step) && ['remedy', 'outcome'].includes(stepInfo(step).kind);

/** What the screen shows, read as the evidence question reads it: the keypad's characters, or the message button. */
function screenEvidence(screen: NonNullable<Situation['screen']>): { match: SymptomMatch; keys: number } {
  if ('message' in screen) return { match: messageMatch(screen.message), keys: 0 };
  const read = readKeyedCode(screen.code);
  if (read.kind !== 'match') throw new Error(`${screen.code} is not a code the keypad knows`);
  return { match: read.match, keys: screen.code.length };
}

/** Walks one situation from one way in; `machine` lets a test walk a changed flow. */
export function walkSituation(situation: Situation, entry: Entry, machine: AnyStateMachine = diagnosisMachine): Walk {
  const actor = createActor(machine as DiagnosisMachine).start();
  const step = () => currentStep(actor.getSnapshot() as SnapshotFrom<DiagnosisMachine>);
  const path: string[] = [step()];
  const detours: StepId[] = [];
  let taps = 0;
  let keys = 0;
  let statusCheckTaps = 0;
  let firstAction: StepId | null = null;
  let statusCheckFirst = false;
  let reached: StepId | null = null;
  let problem: string | null = null;

  const tap = (event: DiagnosisEvent) => {
    const from = step();
    actor.send(event);
    taps += 1;
    if (from !== 'home' && isStatusCheck(from)) statusCheckTaps += 1;
    path.push(step());
  };

  tap('chip' in entry ? { type: 'symptom.matched', match: messageMatch(entry.chip) } : { type: 'diagnosis.start' });
  while (problem === null && reached === null) {
    const now = step();
    if (now === 'home') {
      problem = 'back on the home screen';
      break;
    }
    if (now === 'safety.query' && firstAction === null) statusCheckFirst = true;
    // A fitting action the status check itself gives (the reversal watch) counts too.
    if (situation.fits.includes(now) && isStatusCheck(now)) {
      firstAction ??= now;
      reached = now;
      break;
    }
    if (givesAdvice(now)) {
      firstAction ??= now;
      if (situation.fits.includes(now)) {
        reached = now;
        break;
      }
      detours.push(now);
    }
    const answer = now === 'lookup.code' ? 'continue' : situation.answers[now];
    const evidence = 'asksEvidence' in stepInfo(now) && situation.screen ? screenEvidence(situation.screen) : null;
    if (evidence) {
      keys += evidence.keys;
      tap({ type: 'evidence.shown', step: now, match: evidence.match });
      continue;
    }
    if (answer === undefined) {
      problem = givesAdvice(now)
        ? `lands on ${now}, which does not fit (fits: ${situation.fits.join(', ')})`
        : `no answer for ${now} in this situation`;
    } else if (!answersOf(now).includes(answer)) {
      problem = `${now} does not offer "${answer}" (offers ${answersOf(now).join(', ')})`;
    } else if (taps >= maxTaps) {
      problem = `still walking after ${maxTaps} taps`;
    } else {
      tap({ type: `answer.${answer}`, step: now });
    }
  }
  actor.stop();

  if (problem === null && detours.length > 0) problem = `passes ${detours.join(', ')} before ${reached}`;
  if (problem === null && situation.unknownOutcome && !statusCheckFirst) problem = 'advice before the status check';
  return {
    situation: situation.id,
    entry: entryName(entry),
    taps,
    keys,
    path,
    firstAction,
    reached,
    detours,
    statusCheckTaps,
    statusCheckFirst,
    problem,
  };
}

/** Every way in of a situation, and the one a merchant would take: the fewest taps among clean walks. */
export function walkAllEntries(situation: Situation, machine?: AnyStateMachine): { walks: Walk[]; best: Walk | null } {
  const walks = situation.entries.map((entry) => walkSituation(situation, entry, machine));
  const clean = walks.filter((walk) => walk.problem === null).sort((a, b) => a.taps - b.taps);
  return { walks, best: clean[0] ?? null };
}
