import { describe, expect, it } from 'vitest';
import { expectWellFormedLabel } from '../support/labels.ts';
import { verdictsOf } from '../corpus/label-agreement.ts';
import { compareHeldOut, heldOutLabellings, withVerdicts, type HeldOutSet } from '../corpus/held-out-agreement.ts';

describe.each(['second', 'third', 'r9'] as const satisfies readonly HeldOutSet[])(
  'the %s held-out set labelled blind',
  (set) => {
    const labelling = heldOutLabellings[set];
    const { rows, labels } = labelling;

    // A row added, reworded or removed in the set must not leave a label with no row, or a row with no label.
    it('has a second label for exactly the set rows, once each, in the set order', () => {
      expect(labels).toHaveLength(rows.length);
      expect(labels.map((label) => label.text)).toEqual(rows.map((row) => row.text));
    });

    it('labels each text as the corpus does: a known category or off-topic, a code of that category', () => {
      for (const label of labels) expectWellFormedLabel(label);
    });

    // Verdicts: (a) both readings defensible, (b) the set's label wrong (recorded, never fixed here), (c) blind wrong.
    it('gives every disagreement a verdict, and a verdict only where the labels differ', () => {
      const { disagreements, verdicts } = compareHeldOut(labelling);
      for (const d of disagreements) expect(['a', 'b', 'c'], `${d.field}: ${d.text}`).toContain(d.verdict);
      expect(verdicts.a + verdicts.b + verdicts.c).toBe(disagreements.length);
    });

    it('reads the set as the (b) verdicts would label it, changing those fields and nothing else', () => {
      const relabelled = withVerdicts(labelling);
      expect(relabelled).toHaveLength(rows.length);
      let changed = 0;
      rows.forEach((row, index) => {
        const label = labels[index];
        const fixed = relabelled[index];
        const verdicts = verdictsOf(label?.note);
        expect(fixed?.text).toBe(row.text);
        expect(fixed?.category).toBe(verdicts.category === 'b' ? label?.category : row.category);
        expect(fixed?.unknownOutcome).toBe(verdicts.unknown === 'b' ? label?.unknownOutcome : row.unknownOutcome);
        expect(fixed?.code).toBe(verdicts.code === 'b' ? label?.code : row.code);
        if (JSON.stringify(fixed) !== JSON.stringify(row)) changed += 1;
      });
      expect(changed).toBe(labels.filter((label) => Object.values(verdictsOf(label.note)).includes('b')).length);
    });
  },
);
