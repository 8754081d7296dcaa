// Taps from opening the app to the first concrete action, for the real counter situations of tests/support/situations.ts.
import { walkAllEntries, type Walk } from '../support/situation-walker.ts';
import { situations } from '../support/situations.ts';

export interface TapsFigure {
  situation: string;
  /** Taps of the way in a merchant would take (fewest among clean walks), or of the first way in when none is. */
  taps: number;
  entry: string;
  lands: string;
  statusCheckTaps: number;
  statusCheckFirst: boolean;
  /** Reaches a fitting action with no detour; false for the situations the flow cannot express yet. */
  fits: boolean;
  /** Why it does not fit: the walker's finding, and the situation's gap note. */
  problem: string | null;
  gap: string | null;
}

/** One figure per situation, computed by walking the machine (not a best case over every possible answer). */
export function situationTaps(): TapsFigure[] {
  return situations.map((situation) => {
    const { walks, best } = walkAllEntries(situation);
    const shown: Walk | undefined = best ?? walks[0];
    return {
      situation: situation.id,
      taps: shown?.taps ?? 0,
      entry: shown?.entry ?? 'none',
      lands: shown?.path.at(-1) ?? 'home',
      statusCheckTaps: shown?.statusCheckTaps ?? 0,
      statusCheckFirst: shown?.statusCheckFirst ?? false,
      fits: best !== null,
      problem: best ? null : (shown?.problem ?? 'no way in'),
      gap: situation.gap ?? null,
    };
  });
}
