/**
 * The learned reading shipped beside the rules (src/domain/lookup/learned-reading.ts, learned-model.json): it learns
 * only from tuned rows, the committed model is what `npm run train` makes now, and in the app's own lookup it never
 * touches a code or a screen message, never makes a code, never opens the balance fix (51), never takes the status
 * check away, and leaves hostile input unmatched and unechoed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import {
  fourthHeldOutRows,
  freshHeldOutRows,
  heldOutRows,
  roundNineHeldOutRows,
  thirdHeldOutRows,
  tunedRows,
} from '../corpus/field-corpus.ts';
import { learnedFrom, tokensOf, trainModel } from '../corpus/train-classifier.ts';
import {
  loadLearnedReading,
  packKeys,
  packNaiveBayes,
  tokenKey,
  unpackKeys,
  type LearnedModel,
  type NaiveBayesFile,
} from '../../src/domain/lookup/learned-reading.ts';
import { matchByRules, matchSymptom, withLearnedReading } from '../../src/domain/lookup/symptoms.ts';
import { readTerminalInput } from '../../src/domain/lookup/terminal-input.ts';
import committed from '../../src/domain/lookup/learned-model.json';

describe('the learned reading', () => {
  it('learns from no held-out row, and the committed model is what the training script makes now', () => {
    const heldOut = new Set(
      [...heldOutRows, ...freshHeldOutRows, ...thirdHeldOutRows, ...fourthHeldOutRows, ...roundNineHeldOutRows].map(
        (row) => row.text,
      ),
    );
    expect(learnedFrom.filter((row) => heldOut.has(row.text))).toEqual([]);
    expect(learnedFrom.length).toBeGreaterThan(600);
    const model = trainModel();
    // A stale model (rows or training changed, `npm run train` not run) fails here.
    expect(committed).toEqual(JSON.parse(JSON.stringify(model)));
    // Cross-validation chose thresholds (99 would mean "never").
    expect(model.fillOdds).toBeLessThan(99);
    expect(model.unknownOdds).toBeLessThan(99);
    expect(model.vetoOdds).toBeLessThan(99);
  });

  it('keeps every code and screen message the rules read, and makes no code of its own', () => {
    for (const text of ['应答码51', '显示55 请插卡', '多卡冲突', 'DECLINED 05 DO NOT HONOUR', '余额不足', '请插卡']) {
      const rules = matchByRules(text);
      const shipped = matchSymptom(text);
      if (rules?.via !== 'words') expect(shipped).toEqual(rules);
      expect(shipped?.code ?? null).toBe(rules?.code ?? null);
    }
  });

  it('on every corpus row only adds the status check, fills a missing category or sets aside an off-topic reading from words: no code, no 51, no check removed', () => {
    const rows = [
      ...tunedRows,
      ...heldOutRows,
      ...freshHeldOutRows,
      ...thirdHeldOutRows,
      ...fourthHeldOutRows,
      ...roundNineHeldOutRows,
    ];
    let changed = 0;
    let vetoed = 0;
    for (const { text } of rows) {
      const rules = matchByRules(text);
      const shipped = matchSymptom(text);
      if (JSON.stringify(rules) === JSON.stringify(shipped)) continue;
      changed += 1;
      expect(shipped?.code ?? null, text).toBeNull();
      expect(shipped?.message ?? null, text).toBeNull();
      expect(shipped?.step, text).not.toBe('balance.fix');
      if (rules === null) {
        // A filled category opens its category's first step, from words.
        expect(shipped?.via, text).toBe('words');
      } else if (shipped === null) {
        // The off-topic veto: only a reading from words alone, never one with a code, a message or the status check.
        vetoed += 1;
        expect(rules.via, text).toBe('words');
        expect(rules.code, text).toBeNull();
        expect(rules.unknownOutcome, text).toBe(false);
      } else {
        // Only the status check was added; everything else the rules read stands.
        expect(shipped, text).toEqual({ ...rules, unknownOutcome: true });
        expect(rules.unknownOutcome, text).toBe(false);
      }
    }
    // It does change something (else it would not be shipped), the veto included.
    expect(changed).toBeGreaterThan(0);
    expect(vetoed).toBeGreaterThan(0);
  });

  it('sets aside a reading from words it calls off-topic, never one with a code, a screen message or the status check', () => {
    // Business text the rules read from a word (a hold on funds, a limit) matches nothing (README, the time split).
    for (const [text, rules] of [
      [
        "A pre-authorisation places a hold on funds in the cardholder's account until you capture it.",
        'balance_account',
      ],
      ['悠遊卡不提供在卡片內設定消費上限的功能', 'amount_limit'],
    ] as const) {
      expect(matchByRules(text)?.category, text).toBe(rules);
      expect(matchSymptom(text), text).toBeNull();
    }
    // Even a veto at any odds leaves codes, screen messages and unknown outcomes as the rules read them.
    const vetoAlways = withLearnedReading(loadLearnedReading({ ...(committed as LearnedModel), vetoOdds: -Infinity }));
    for (const text of [
      '应答码51',
      'DECLINED 05 DO NOT HONOUR',
      '请插卡',
      "A pre-authorisation places a hold on funds in the cardholder's account until you capture it; the customer was charged twice",
      '刷卡机卡住了，不知道扣没扣钱',
    ]) {
      const rules = matchByRules(text);
      expect(rules, text).not.toBeNull();
      expect(rules?.via !== 'words' || rules.unknownOutcome, text).toBe(true);
      expect(vetoAlways(text), text).toMatchObject({ category: rules?.category, code: rules?.code ?? null });
    }
  });

  it('never opens the balance fix from words: a balance reading opens only its question', () => {
    for (const text of [
      '客户卡里钱好像不够了，刷了几次都不行',
      'customer says there is not enough money on the card',
    ]) {
      const match = matchSymptom(text);
      expect(match?.step ?? null).not.toBe('balance.fix');
      expect(match?.code ?? null).toBeNull();
    }
  });

  it('leaves hostile input unmatched and unechoed: markup, a 100 KB paste, card numbers, random Unicode', () => {
    const hostile = [
      '<script>alert(1)</script><img src=x onerror=alert(1)>',
      'x'.repeat(100_000),
      '交易失败了钱扣了吗'.repeat(12_000),
      '6222 0212 3456 7890 123',
      '４１１１１１１１１１１１１１１１',
      '\u202e\u200b\ud83d\ude00\u0000ꙮ𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      '的的的的的的的的的的的的',
    ];
    for (const text of hostile.filter((t) => !t.startsWith('交易'))) {
      expect(matchSymptom(text), text.slice(0, 20)).toBeNull();
      expect(readTerminalInput(text).kind, text.slice(0, 20)).toBe('none');
    }
    // A 100 KB paste of real words reads like its first sentence, and nothing of it comes back.
    const long = matchSymptom(hostile[2] ?? '');
    expect(JSON.stringify(long)).not.toContain('交易失败');
  });

  it('stores only the unknown counts beside the category classifier: the clear counts it derives are what wink learned', () => {
    // Both classifiers learn from the same rows, presence only; off-topic rows teach the category one alone.
    const rows: [string[], string, boolean | null][] = [
      [['交易', '超时', '扣款', 'timeout'], 'network', true],
      [['交易', '超时', 'signal'], 'network', false],
      [['密码', '错误', 'pin'], 'cardholder_verification', false],
      [['密码', '锁定', 'pin', '扣款'], 'cardholder_verification', true],
      [['挥卡', '读不', 'tap'], 'reading_physical', false],
      [['挥卡', '读不', '扣款', 'froze'], 'reading_physical', true],
      [['到账', '手续', 'fee'], 'none', null],
      [['到账', '交易', 'payout'], 'none', null],
    ];
    const config = { considerOnlyPresence: true, smoothingFactor: 0.3 };
    const byCategory = naiveBayesTextClassifier();
    const byOutcome = naiveBayesTextClassifier();
    byCategory.defineConfig(config);
    byOutcome.defineConfig(config);
    for (const [tokens, category, unknown] of rows) {
      byCategory.learn(tokens.map(tokenKey), category);
      if (unknown !== null) byOutcome.learn(tokens.map(tokenKey), unknown ? 'unknown' : 'clear');
    }
    const vocabulary = [...new Set(rows.flatMap(([tokens]) => tokens.map(tokenKey)))].sort(
      (a, b) => parseInt(a, 36) - parseInt(b, 36),
    );
    const model = (unknown: NaiveBayesFile): LearnedModel => ({
      config,
      keys: packKeys(vocabulary),
      category: packNaiveBayes(byCategory.exportJSON(), vocabulary),
      unknown,
      fillOdds: 0,
      unknownOdds: 0,
      vetoOdds: 99,
      minKnown: 1,
    });
    const stored = packNaiveBayes(byOutcome.exportJSON(), vocabulary, 'unknown');
    const full = packNaiveBayes(byOutcome.exportJSON(), vocabulary);
    expect(stored.counts.length).toBe(vocabulary.length);
    expect(full.counts.length).toBe(2 * vocabulary.length);
    const derived = loadLearnedReading(model(stored));
    const learned = loadLearnedReading(model(full));
    for (const text of [
      ['交易', '超时'],
      ['扣款', 'pin', '密码'],
      ['挥卡', 'froze'],
      ['到账', 'fee', 'timeout'],
    ])
      expect(derived.read(text), text.join(' ')).toEqual(learned.read(text));
  });

  it('knows tokens by their keys: packed keys read back as written, and random text is not known enough to say anything', () => {
    const keys = [...new Set(['交易', '超时', 'declin', 'card_declin', 'pin'].map(tokenKey))].sort(
      (a, b) => parseInt(a, 36) - parseInt(b, 36),
    );
    expect(unpackKeys(packKeys(keys))).toEqual(keys);
    const model = committed as LearnedModel;
    const reading = loadLearnedReading(model);
    const silent = (text: string) => {
      const verdict = reading.read(tokensOf(text));
      const says = verdict.known >= model.minKnown;
      return (
        !(says && verdict.category !== null && verdict.odds >= model.fillOdds) &&
        !(says && verdict.unknownOdds >= model.unknownOdds) &&
        !(says && verdict.category === null && verdict.odds >= model.vetoOdds && matchByRules(text) !== null)
      );
    };
    const han = fc
      .array(fc.integer({ min: 0x4e00, max: 0x9fff }), { minLength: 10, maxLength: 80 })
      .map((codes) => String.fromCodePoint(...codes));
    const words = fc
      .array(fc.stringMatching(/^[a-z]{2,8}$/), { minLength: 5, maxLength: 40 })
      .map((list) => list.join(' '));
    // A key is 16 bits: a random token hits a known one about once in 72 (README, "The lookup reads evidence").
    fc.assert(fc.property(fc.oneof(han, words), silent), { seed: 15, numRuns: 2000 });
  });
});
