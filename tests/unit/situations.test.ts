import { describe, expect, it } from 'vitest';
import { topMessages } from '../../src/domain/lookup/top-messages.ts';
import { walkAllEntries, walkSituation } from '../support/situation-walker.ts';
import { situations } from '../support/situations.ts';

const expressible = situations.filter((situation) => situation.gap === undefined);
const gaps = situations.filter((situation) => situation.gap !== undefined);

describe('real counter situations, walked through the machine without typing', () => {
  it('needs no typing: every way in is a chip on the home screen or the start button', () => {
    for (const situation of situations) {
      for (const entry of situation.entries) {
        if ('chip' in entry) expect(topMessages as readonly string[], situation.id).toContain(entry.chip);
      }
    }
  });

  it.each(expressible.map((situation) => [situation.id, situation] as const))(
    '%s reaches a fitting action from every way in, with the status check first when the sale may have gone through',
    (_, situation) => {
      for (const entry of situation.entries) {
        const walk = walkSituation(situation, entry);
        expect(walk.problem, `${situation.id} via ${walk.entry}: ${walk.path.join(' → ')}`).toBeNull();
        expect(situation.fits).toContain(walk.reached);
        expect(walk.statusCheckFirst, walk.entry).toBe(situation.unknownOutcome);
        if (situation.unknownOutcome) expect(walk.statusCheckTaps, walk.entry).toBeGreaterThan(0);
      }
    },
  );

  it.each(gaps.map((situation) => [situation.id, situation] as const))(
    '%s is still a gap of the current flow (drop its gap note once it walks cleanly)',
    (_, situation) => {
      expect(walkAllEntries(situation).best, situation.gap).toBeNull();
    },
  );

  it('counts every tap, the status check included', () => {
    const timeout = situations.find((situation) => situation.id === 'commTimeout');
    if (!timeout) throw new Error('commTimeout situation missing');
    const viaChip = walkSituation(timeout, { chip: 'commTimeout' });
    expect(viaChip.path).toEqual(['home', 'safety.query', 'safety.reversal', 'network.signal', 'network.fix']);
    expect(viaChip).toMatchObject({ taps: 4, statusCheckTaps: 2, statusCheckFirst: true, problem: null });
  });
});
