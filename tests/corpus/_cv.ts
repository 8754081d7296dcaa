import { crossValidate } from './train-classifier.ts';
const read = crossValidate();
const on = read.filter((x) => x.row.category !== null), off = read.filter((x) => x.row.category === null);
console.log('CV acc', (on.filter((x) => x.category === x.row.category).length / on.length * 100).toFixed(1), 'en', (() => { const e = on.filter((x) => x.row.lang === 'en'); return (e.filter((x) => x.category === x.row.category).length / e.length * 100).toFixed(1); })());
for (const t of [0, 4, 8, 10, 12, 14, 16, 18, 20]) {
  const sel = on.filter((x) => x.category !== null && x.odds >= t && x.known >= 3);
  console.log('fill>=', t, 'cover', sel.length, 'prec', (sel.filter((x) => x.category === x.row.category).length / sel.length * 100).toFixed(1), 'off filled', off.filter((x) => x.category !== null && x.odds >= t && x.known >= 3).length);
}
const u = on.filter((x) => x.row.unknownOutcome), c = on.filter((x) => !x.row.unknownOutcome);
for (const t of [0, 2, 4, 6, 8, 10]) console.log('unk>=', t, 'recall', (u.filter((x) => x.known >= 3 && x.unknownOdds >= t).length / u.length * 100).toFixed(1), 'FA', (c.filter((x) => x.known >= 3 && x.unknownOdds >= t).length / c.length * 100).toFixed(1));
for (const t of [0, 2, 4, 6, 8, 10, 15, 20, 99]) console.log('tie', t, 'right', on.filter((x) => x.combined.get(t) === x.row.category).length, '/', on.length);
