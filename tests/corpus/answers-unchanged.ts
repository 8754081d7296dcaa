/**
 * Proves a clean-up of the lookup's rules changes no answer: `--record` stores the full SymptomMatch of matchByRules
 * and matchSymptom, the home box's reading (readTerminalInput: approvals, private and other systems' codes), the
 * off-topic test and the folded text (the learned reading's tokens) for every corpus text (held-out sets included:
 * answers are compared, never scored), every pinned unit-test text, every lexicon and screen-message pattern as a
 * text, the code words around codes, and seeded random mixes and mutations of them; `--compare` reads the same texts back and fails on any difference.
 * Run `npx tsx tests/corpus/answers-unchanged.ts --record` on the commit before the change, then `--compare` after.
 * The texts are stored with the answers, so removing a pattern does not remove the inputs that exercise it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lexicon from '../../src/domain/lookup/lexicon.ts';
import { screenMessages } from '../../src/domain/lookup/screen-messages.ts';
import { asksOffTopic, matchByRules, matchSymptom, normalizeSymptomInput } from '../../src/domain/lookup/symptoms.ts';
import { readTerminalInput } from '../../src/domain/lookup/terminal-input.ts';
import { symptomCases } from '../unit/symptom-cases.ts';

const here = dirname(fileURLToPath(import.meta.url));
const unitDir = join(here, '..', 'unit');

/** Every string in a JSON value (texts, notes, sources: more inputs do no harm). */
function stringsIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into);
}

/** String literals of a test file, crudely: any quoted run without a line break or interpolation. */
function literalsIn(source: string, into: Set<string>): void {
  for (const found of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`$\\]*)`/g)) {
    const text = found[1] ?? found[2] ?? found[3] ?? '';
    if (text.length > 0) into.add(text.replace(/\\(.)/g, '$1'));
  }
}

/** Every pattern of the lexicon and the screen messages, keys of keyword records included. */
function patterns(): string[] {
  const found = new Set<string>();
  for (const concept of lexicon.concepts) for (const keyword of Object.keys(concept.keywords)) found.add(keyword);
  for (const [name, value] of Object.entries(lexicon)) if (name !== 'concepts') stringsIn(value, found);
  for (const message of screenMessages) for (const variant of message.variants) found.add(variant);
  return [...found];
}

/** mulberry32: the same texts on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pattern written out as a text: gaps filled with a word or nothing, negations spelled in one of their forms. */
function spelled(pattern: string, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const han = /\p{Script=Han}/u.test(pattern);
  return pattern
    .replace(/^[\^=?]/, '')
    .replace(/\*/g, () => pick(han ? ['', '了', '一直', '我的'] : [' ', ' the ', ' my ', ' really ']))
    .replace(/~/g, () => pick(han ? ['没', '未能', '不', '无法'] : [' not ', ' cannot ', " didn't ", ' never ']));
}

function texts(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(here).filter((name) => name.endsWith('.json'))) {
    stringsIn(JSON.parse(readFileSync(join(here, file), 'utf8')), found);
  }
  for (const file of readdirSync(unitDir).filter((name) => /^(?:lookup-|symptoms|hostile|terminal-input)/.test(name))) {
    literalsIn(readFileSync(join(unitDir, file), 'utf8'), found);
  }
  for (const { input } of symptomCases) found.add(input);
  const corpus = [...found];
  const lexiconPatterns = patterns();
  const next = random(15);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  for (const pattern of lexiconPatterns) {
    found.add(spelled(pattern, next));
    found.add(`${pick(['刷卡后', 'after the tap ', '顾客说', 'the terminal said ', ''])}${spelled(pattern, next)}`);
  }
  // The words around a code: each before and after a bank-card code, another system's code and a number.
  for (const word of [...lexicon.codeKeywordsBefore, ...lexicon.notCodeBefore, ...lexicon.merchantHeads]) {
    for (const code of ['05', '51', 'a0', 'e1', '1001', 'e0102', '3'])
      found.add(`${word}${pick(['', ' ', '：', '是'])}${code}`);
  }
  for (const word of [...lexicon.codeKeywordsAfter, ...lexicon.notCodeAfter]) {
    for (const code of ['05', '51', 'a0', '10', '30 - 60']) found.add(`${code}${pick(['', ' '])}${word}`);
  }
  const joiners = ['', '，', '。', ' ', ', but ', '，但是', ' and ', '；然后', ': ', '?'];
  for (let i = 0; i < 6000; i += 1) {
    const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
      next() < 0.7 ? spelled(pick(lexiconPatterns), next) : pick(corpus).slice(0, 80),
    );
    found.add(parts.reduce((text, part) => `${text}${pick(joiners)}${part}`));
  }
  const alphabet = '没不未了的卡钱扣交易失败成功超时网络 notdeclinedcharg0123456789，。 ';
  for (let i = 0; i < 3000; i += 1) {
    const chars = [...pick(corpus)];
    for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits -= 1) {
      const at = Math.floor(next() * (chars.length + 1));
      const kind = next();
      if (kind < 0.33) chars.splice(at, 1);
      else if (kind < 0.66) chars.splice(at, 0, pick([...alphabet]));
      else if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1] ?? '', chars[at] ?? ''];
    }
    found.add(chars.join(''));
  }
  return [...found];
}

/** Every reading the app makes of a text, and the folding the learned reading's tokens come from. */
const answer = (text: string) =>
  JSON.stringify([
    matchByRules(text),
    matchSymptom(text),
    readTerminalInput(text),
    asksOffTopic(text),
    normalizeSymptomInput(text),
  ]);

const mode = process.argv[2];
const file = process.argv[3] ?? join(tmpdir(), 'tapfix-answers.json');
if (mode === '--record') {
  const inputs = texts();
  writeFileSync(file, JSON.stringify(inputs.map((text) => [text, answer(text)])));
  console.log(`recorded ${inputs.length} answers in ${file}`);
} else if (mode === '--compare') {
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as [string, string][];
  const changed = recorded.filter(([text, before]) => answer(text) !== before);
  for (const [text, before] of changed.slice(0, 20)) {
    console.log(`CHANGED ${JSON.stringify(text)}\n  before ${before}\n  after  ${answer(text)}`);
  }
  console.log(`${recorded.length - changed.length} of ${recorded.length} answers unchanged`);
  process.exitCode = changed.length === 0 ? 0 : 1;
} else {
  console.log('usage: answers-unchanged.ts --record|--compare [file]');
  process.exitCode = 2;
}
