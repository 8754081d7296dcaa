/**
 * Label agreement on the tuned rows: a seeded sample of 200 tuned texts, labelled a second time blind (from the text
 * and the domain reference only, label-agreement.json), set against the corpus labels. What two careful labellers
 * agree on is a ceiling for any lookup scored against these labels. Never drawn from a held-out set.
 * Run: npx tsx tests/corpus/label-agreement.ts --texts (the sample's texts, no labels: what the blind labeller reads).
 */
import { pathToFileURL } from 'node:url';
import { tunedRows, type FieldPhrasing } from './field-corpus.ts';

/** Fixed so the sample never moves; different from the split's seed so it is not the held-out fifth's shape. */
export const sampleSeed = 2024;
export const sampleSize = 200;

/** FNV-1a over the seed and the text. */
function sampleHash(text: string): number {
  let h = 0x811c9dc5 ^ sampleSeed;
  for (const char of text) {
    h ^= char.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The sample: distinct tuned texts ordered by hash (then text), the first 200. */
export function drawSample(rows: readonly FieldPhrasing[] = tunedRows): FieldPhrasing[] {
  const seen = new Set<string>();
  const distinct = rows.filter((row) => !seen.has(row.text) && seen.add(row.text));
  return distinct
    .map((row) => ({ row, hash: sampleHash(row.text) }))
    .sort((a, b) => a.hash - b.hash || (a.row.text < b.row.text ? -1 : a.row.text > b.row.text ? 1 : 0))
    .slice(0, sampleSize)
    .map(({ row }) => row);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--texts')) {
    drawSample().forEach((row, index) => console.log(`${index + 1}\t${row.text}`));
  }
}
