import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
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
    expect(viaChip.path).toEqual(['home', 'safety.query', 'safety.reversal', 'network.fix']);
    expect(viaChip).toMatchObject({ taps: 3, statusCheckTaps: 2, statusCheckFirst: true, problem: null });
    const code = situations.find((situation) => situation.id === 'code55');
    if (!code) throw new Error('code55 situation missing');
    expect(walkSituation(code, { start: true })).toMatchObject({
      path: ['home', 'gate.charged', 'scope.cards', 'pin.retry'],
      taps: 3,
      keys: 2,
    });
  });

  it("takes every situation of the evidence-first issue to its first action in 3 taps or fewer (plus a code's own characters), and the README shows the table", async () => {
    const rows = situations.map((situation) => {
      const { best } = walkAllEntries(situation);
      if (!best) throw new Error(`${situation.id} has no clean walk`);
      const guided = situation.entries.some((entry) => 'start' in entry)
        ? walkSituation(situation, { start: true })
        : null;
      return { situation, best, guided };
    });
    for (const { situation, best, guided } of rows.filter(({ situation }) => issueSituations.includes(situation.id))) {
      expect(best.taps, `${situation.id}: ${best.path.join(' → ')}`).toBeLessThanOrEqual(3);
      // Step by step, without the home chips, the evidence question gets there as fast, the status check's own
      // screens aside (they come first when the sale may have gone through, and the table counts them).
      if (guided)
        expect(
          guided.taps - guided.statusCheckTaps,
          `${situation.id} step by step: ${guided.path.join(' → ')}`,
        ).toBeLessThanOrEqual(3);
    }
    const table = [
      '| situation | fewest taps: way in | taps | + code keys | step by step (start): taps + keys | screens, fewest taps |',
      '|---|---|---|---|---|---|',
      ...rows.map(
        ({ situation, best, guided }) =>
          `| ${situation.id} | ${best.entry} | ${best.taps} | ${best.keys || '–'} | ` +
          `${guided ? `${guided.taps}${guided.keys ? ` + ${guided.keys}` : ''}` : '–'} | ${best.path.slice(1).join(' → ')} |`,
      ),
    ].join('\n');
    console.log(table);
    const readme = await readFile(join(process.cwd(), 'README.md'), 'utf8');
    const shown = /<!-- taps:start -->([\s\S]*?)<!-- taps:end -->/.exec(readme)?.[1];
    // Cells compared trimmed, so Prettier may pad the README's columns.
    const cells = (markdown: string | undefined) =>
      (markdown ?? '')
        .trim()
        .split('\n')
        .map((row) => row.split('|').map((cell) => cell.trim().replace(/^-+$/, '-')));
    expect(cells(shown), 'README table (between the taps markers), as computed').toEqual(cells(table));
  });
});

/** The situations the evidence-first issue names, each to be 3 taps or fewer. */
const issueSituations = [
  'code51',
  'code55',
  'code61or65',
  'insertCard',
  'multipleCards',
  'readFailed',
  'commTimeout',
  'signOnFirst',
  'phoneDoneTerminalNothing',
  'phoneDoneNotFound',
  'everyCardSinceMorning',
  'foreignCard',
  'printerOutOfPaper',
];
