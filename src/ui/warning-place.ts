import type { StepId } from '../domain/diagnosis/steps.ts';

/**
 * Which numbered step a step's warning belongs beside (1-based), where that is not the last one: the warning then
 * reads as part of the action it qualifies, not as a preface to the whole list. A step not listed here gets its
 * warning beside its last numbered step (the retry, in most remedies). Same in every language: the lists are
 * translated item for item (tests/unit/warning-place.test.ts holds the numbers to the content).
 */
export const warningBeside: Readonly<Partial<Record<StepId, number>>> = {
  // "Only if the lookup found nothing": before the new sale is keyed.
  'safety.reversal': 1,
  // "No factory reset": at the restart.
  'network.fix': 4,
  // "Do not pull the battery mid-payment": at the forced restart.
  'setup.power': 4,
  // "Sign-on failed: do not repeat it": where the merchant waits for 签到成功.
  'setup.signOnFix': 4,
  // "After settling, void is gone": at the settlement.
  'setup.settleFix': 3,
  // "Say it quietly": what the merchant says.
  'balance.fix': 1,
  // "A tick on the phone is not a sale": where the terminal beeps.
  'wallet.unlock': 5,
  // "Do not split the sale": where the customer would rather not enter a PIN.
  'limit.insert': 4,
  // "Only this once": the one more try.
  'pin.retry': 1,
  'done.paid': 1,
  // "Void only the extra one": the void.
  'done.doubleCharge': 2,
  'done.statusUnknown': 1,
  // "Do not say 'no money'": what the merchant says.
  'done.issuer': 2,
  'done.cardBlocked': 2,
  'done.pinLocked': 1,
  // "Do not void": what the merchant tells the customer.
  'done.pendingHold': 1,
  'done.pinStop': 1,
  // "Do not send the customer to their bank": the customer pays another way.
  'done.merchantRestricted': 1,
  // "Do not charge the full amount again": collecting the difference.
  'done.partial': 2,
};

/** The 0-based index of the numbered step a warning sits beside, within a list of `count` steps. */
export function warningIndex(step: StepId, count: number): number {
  const wanted = (warningBeside[step] ?? count) - 1;
  return Math.min(Math.max(wanted, 0), count - 1);
}
