/**
 * Every text the app takes from outside — the home search box, case fields, #/step and #/code links — fed with
 * hostile input: random Unicode, 100 KB pastes, HTML and script, bidi and zero-width characters, full-width
 * digits, card numbers written with separators. Nothing throws, and no card number from the input comes back out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { stepFromHash } from '../../src/app/history-sync.ts';
import { caseFieldNames, normaliseFieldText, validateCaseFields } from '../../src/domain/case/case-fields.ts';
import { containsCardNumber, luhnValid, redactCardNumbers } from '../../src/domain/case/redact.ts';
import { isStepId, stepByCode } from '../../src/domain/diagnosis/steps.ts';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import { readTerminalInput } from '../../src/domain/lookup/terminal-input.ts';
import { text } from '../support/content.ts';
import { memoryStorage, renderApp } from '../support/render-app.tsx';

// ---- a reference reading of card numbers, independent of src/domain/case/redact.ts -----------------------------

type Kind = { digit: string } | 'separator' | 'invisible' | 'other';

const dashes = /^[\u002d\u2010-\u2015\u2212\ufe58\ufe63\uff0d]$/u;

/** How a reader sees one character: a digit (full-width and other compatibility forms too), a gap or a break. */
function kindOf(char: string): Kind {
  const folded = char.normalize('NFKC');
  if (/^[0-9]$/.test(folded)) return { digit: folded };
  if (char === ' ' || char === '\t' || dashes.test(char) || (char > '\u007f' && (folded === ' ' || folded === '-'))) {
    return 'separator';
  }
  if (/^[\p{M}\p{Cf}]$/u.test(char)) return 'invisible';
  return 'other';
}

/**
 * The digit runs of a text as a person reads them: digits joined by at most three separators, invisible
 * characters ignored, anything else ends a run (the definition in redact.ts's header, written again here).
 */
function digitRuns(input: string): string[] {
  const runs: string[] = [];
  let run = '';
  let gap = 0;
  for (const char of input) {
    const kind = kindOf(char);
    if (typeof kind === 'object') {
      if (run !== '' && gap > 3) {
        runs.push(run);
        run = '';
      }
      run += kind.digit;
      gap = 0;
    } else if (kind === 'separator') {
      gap += 1;
    } else if (kind === 'other') {
      if (run !== '') runs.push(run);
      run = '';
      gap = 0;
    }
  }
  if (run !== '') runs.push(run);
  return runs;
}

/** The card numbers in a text: whole runs of 13–19 digits that pass Luhn. */
const cardNumbersIn = (input: string) =>
  digitRuns(input).filter((run) => run.length >= 13 && run.length <= 19 && luhnValid(run));

/** True when any digit run of the output still holds one of these card numbers. */
const leaks = (output: string, cards: readonly string[]) => {
  const runs = digitRuns(output);
  return cards.filter((card) => runs.some((run) => run.includes(card)));
};

// ---- arbitraries ----------------------------------------------------------------------------------------

/** Appends the Luhn check digit. */
function withCheckDigit(body: string): string {
  const sum = [...body].reverse().reduce((total, char, i) => {
    const weighted = i % 2 === 0 ? Number(char) * 2 : Number(char);
    return total + (weighted > 9 ? weighted - 9 : weighted);
  }, 0);
  return body + String((10 - (sum % 10)) % 10);
}

const hostileFragments = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\ufeff', // byte order mark
  '\u00ad', // soft hyphen
  '\u0301', // combining acute accent
  '\u0000',
  '\ud800', // lone surrogate
  '\n',
  '\r\n',
  '\t',
  ' ',
  '-',
  '\u3000', // ideographic space
  '１２３４', // full-width digits
  '５１',
  '应答码51',
  '應答碼A0',
  '请插卡',
  '交易超时',
  'N2',
  'E5',
  '00',
  '#/step/',
  '#/code/',
  '💳',
  '%3Cscript%3E',
  '&lt;b&gt;',
];

/** Text a person, a paste or an attacker could produce. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...hostileFragments), fc.string({ maxLength: 8 })), { maxLength: 30 })
    .map((parts) => parts.join('')),
);

const separators = [' ', '-', '  ', ' - ', '\u3000', '\u00a0', '\u2013', '\uff0d'];
const invisibles = ['\u200b', '\u200f', '\u202e', '\u2066', '\ufeff', '\u00ad', '\u200d'];
const toFullWidth = (digit: string) => String.fromCharCode(0xff10 + Number(digit));

/** A Luhn-valid 13–19 digit number written the ways people and pastes write it. */
const writtenCard = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }))
  .map((body) => withCheckDigit(body.join('')))
  .chain((digits) =>
    fc
      .array(
        fc.record({
          gap: fc.constantFrom('', '', '', '', ...separators, ...invisibles),
          wide: fc.boolean(),
        }),
        { minLength: digits.length, maxLength: digits.length },
      )
      .map((style) => ({
        digits,
        written: [...digits]
          .map((d, i) => (i > 0 ? (style[i]?.gap ?? '') : '') + (style[i]?.wide ? toFullWidth(d) : d))
          .join(''),
      })),
  );

/** Ends a digit run on both sides of a planted card, so the card stands alone as a reader would see it. */
const boundary = fc.constantFrom('a', '号', '：', '\n', '.', '<', '>', '"', '卡号', 'card ');

/** Hostile text with a card number planted in it. */
const textWithCard = fc
  .tuple(hostileText, boundary, writtenCard, boundary, hostileText)
  .map(([before, open, card, close, after]) => ({
    card: card.digits,
    input: `${before}${open}${card.written}${close}${after}`,
  }));

/** About 100 KB: a random piece repeated, sometimes with a card number in it. */
const hugeText = fc
  .tuple(
    fc.oneof(
      hostileText,
      textWithCard.map(({ input }) => input),
    ),
    fc.nat({ max: 100 }),
  )
  .filter(([piece]) => piece.length > 0)
  .map(([piece, cut]) => piece.repeat(Math.ceil(100_000 / piece.length) + 1).slice(cut, cut + 100_000));

// ---- the properties -------------------------------------------------------------------------------------

describe('redactCardNumbers on hostile input', () => {
  it('never throws and leaves no card number of the input in what it returns', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText,
          textWithCard.map(({ input }) => input),
        ),
        (input) => {
          const { text: out, found } = redactCardNumbers(input);
          expect(leaks(out, cardNumbersIn(input))).toEqual([]);
          expect(containsCardNumber(out)).toBe(false);
          expect(found).toBe(out !== input);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('masks a planted card number however it is written', () => {
    fc.assert(
      fc.property(textWithCard, ({ card, input }) => {
        const { text: out, found } = redactCardNumbers(input);
        expect(found).toBe(true);
        expect(leaks(out, [card])).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles 100 KB pastes', () => {
    fc.assert(
      fc.property(hugeText, (input) => {
        const { text: out } = redactCardNumbers(input);
        expect(leaks(out, cardNumbersIn(input))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe('the home search box (readTerminalInput, matchSymptom) on hostile input', () => {
  /** What the search produced is ids only: a known step, a two-character code, a message id. */
  function expectWellFormed(result: ReturnType<typeof readTerminalInput>) {
    expect(['match', 'success', 'privateCode', 'otherSystem', 'none']).toContain(result.kind);
    if (result.kind === 'privateCode') expect(result.code).toMatch(/^[0-9A-Z]{2}$/);
    if (result.kind === 'match') {
      expect(isStepId(result.match.step)).toBe(true);
      expect(result.match.code === null || /^[0-9A-Z]{2}$/.test(result.match.code)).toBe(true);
      expect(result.match.message === null || /^[A-Za-z0-9_.-]{1,64}$/.test(result.match.message)).toBe(true);
    }
  }

  it('never throws, answers with ids only, and returns no card number of the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText,
          textWithCard.map(({ input }) => input),
        ),
        (input) => {
          const result = readTerminalInput(input);
          expectWellFormed(result);
          const match = matchSymptom(input);
          const cards = cardNumbersIn(input);
          expect(leaks(JSON.stringify(result), cards)).toEqual([]);
          expect(leaks(JSON.stringify(match), cards)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  // How long a 100 KB paste takes is a bench figure (npm run bench: paste_100kb_*), not a test.
  it('reads a 100 KB paste without throwing', () => {
    fc.assert(
      fc.property(hugeText, (input) => {
        expectWellFormed(readTerminalInput(input));
        expect(() => matchSymptom(input)).not.toThrow();
      }),
      { numRuns: 15 },
    );
  });

  it('never reads part of a card number as a response code, even with invisible characters inside', () => {
    for (const input of ['62\u200b22021234567894', '6222\u200b0212\u200b3456\u200b7894', '6222 \u00ad0212 3456 7894']) {
      const result = readTerminalInput(input);
      expect(result, JSON.stringify(input)).toEqual({ kind: 'none' });
    }
  });

  it('reads a card number written plainly, spaced or full-width as nothing at all', () => {
    for (const input of [
      '6222021234567894',
      '6222 0212 3456 7894',
      '６２２２０２１２３４５６７８９４',
      '4111-1111-1111-1111',
    ]) {
      expect(readTerminalInput(input), input).toEqual({ kind: 'none' });
    }
  });
});

describe('case fields (validateCaseFields) on hostile input', () => {
  /**
   * The one deliberate exception: a 15-digit 商户号 may pass Luhn and is kept in the merchant ID field
   * (15-digit cards are Amex, 34/37; see case-fields.ts).
   */
  const isMerchantNumber = (name: string, raw: string) => {
    const normalised = normaliseFieldText(raw);
    return name === 'merchantId' && /^[0-9]{15}$/.test(normalised) && !/^3[47]/.test(normalised);
  };

  const fieldValue = fc.oneof(
    hostileText,
    textWithCard.map(({ input }) => input),
    writtenCard.map(({ written }) => written),
  );
  const fieldName = fc.oneof(
    fc.constantFrom(...caseFieldNames),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
    fc.string({ maxLength: 12 }),
  );

  it('never throws, keeps only its own fields, and never keeps a card number', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 8 }), (pairs) => {
        // defineProperty: "__proto__" becomes an own key, as JSON.parse would make it.
        const input: Record<string, string> = {};
        for (const [name, value] of pairs) {
          Object.defineProperty(input, name, { value, enumerable: true, configurable: true, writable: true });
        }
        const check = validateCaseFields(input);
        expect(Object.keys(check.results).sort()).toEqual([...caseFieldNames].sort());
        for (const key of Object.keys(check.values)) expect(caseFieldNames).toContain(key);
        for (const name of caseFieldNames) {
          const raw = Object.hasOwn(input, name) ? input[name] : undefined;
          if (raw === undefined || isMerchantNumber(name, raw)) continue;
          const cards = cardNumbersIn(raw);
          if (cards.length > 0) expect(check.results[name], name).toEqual({ status: 'error', error: 'cardNumber' });
          expect(leaks(JSON.stringify(check.results[name]), cards), name).toEqual([]);
        }
        // Every kept value is plain ASCII: no markup, no bidi or invisible characters survive.
        for (const value of Object.values(check.values)) expect(value).toMatch(/^[0-9A-Za-z.]{1,64}$/);
      }),
      { numRuns: 800 },
    );
  });

  it('refuses a card number in every field but keeps nothing of it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...caseFieldNames), textWithCard, (name, { input }) => {
        const check = validateCaseFields({ [name]: input });
        if (isMerchantNumber(name, input)) return;
        expect(check.results[name]).toEqual({ status: 'error', error: 'cardNumber' });
        expect(check.values).toEqual({});
        expect(check.valid).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('handles 100 KB pastes and inputs that are not plain objects', () => {
    fc.assert(
      fc.property(hugeText, fc.constantFrom(...caseFieldNames), (input, name) => {
        expect(validateCaseFields({ [name]: input }).values).toEqual({});
      }),
      { numRuns: 10 },
    );
    const proto = JSON.parse('{"__proto__": {"amount": "12.00"}, "constructor": "x"}') as Record<string, string>;
    expect(validateCaseFields(proto).values).toEqual({});
    expect(validateCaseFields(Object.create(null) as Record<string, string>).valid).toBe(true);
  });
});

describe('step links and step codes (stepFromHash, stepByCode) on hostile input', () => {
  const known = (value: unknown) => value === null || isStepId(value);

  it('never throw, and answer null or a step this build has', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('', '#/step/', '#/code/', '#/', '#'), (input, prefix) => {
        expect(known(stepByCode(input))).toBe(true);
        expect(known(stepFromHash(`${prefix}${input}`))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('open nothing for object keys, markup, look-alike digits or 100 KB hashes', () => {
    for (const value of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype']) {
      expect(stepFromHash(`#/step/${value}`), value).toBeNull();
      expect(stepFromHash(`#/code/${value}`), value).toBeNull();
      expect(stepByCode(value), value).toBeNull();
    }
    for (const hash of [
      '#/step/<img src=x onerror=alert(1)>',
      '#/step/network.fix<script>',
      '#/step/network.fix\u200b',
      '#/step/\u202enetwork.fix',
      '#/code/Ｎ２',
      '#/code/N２',
      `#/step/${'a'.repeat(100_000)}`,
      `#/code/${'N2'.repeat(50_000)}`,
    ]) {
      expect(stepFromHash(hash), JSON.stringify(hash.slice(0, 40))).toBeNull();
    }
    expect(stepFromHash('#/code/n2')).toBe('network.fix');
    expect(stepFromHash('#/step/network.fix')).toBe('network.fix');
  });
});

describe('the home search box in the app', () => {
  const common = (key: string) => text('zh-CN', 'common', key);
  const card = '6222021234567894';

  it('renders no element from typed markup and never shows a typed card number', async () => {
    const storage = memoryStorage();
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    const { user } = await renderApp({ storage });
    const box = screen.getByRole('searchbox', { name: common('home.searchLabel') });
    const currentStep = () => document.querySelector('[data-step]')?.getAttribute('data-step');

    /** Everything on the page but the search box itself: text and every attribute value. */
    const pageText = () =>
      [...document.body.querySelectorAll('*')]
        .filter((element) => element !== box)
        .map((element) => [element.textContent, ...[...element.attributes].map((a) => a.value)].join(' '))
        .join(' ');

    const expectNothingFrom = () => {
      expect(document.querySelector('img, script, svg, [onerror], [onload]')).toBeNull();
      expect(leaks(pageText(), [card])).toEqual([]);
      expect(leaks(location.href, [card])).toEqual([]);
      expect(leaks(JSON.stringify(history.state), [card])).toEqual([]);
      expect(leaks(JSON.stringify(storage.dump()), [card])).toEqual([]);
    };

    // Markup and a card number only: nothing matches, the page says so and shows neither.
    await user.type(box, `<img src=x onerror=alert(1)> ${card}`);
    await user.click(screen.getByRole('button', { name: common('home.searchSubmit') }));
    expect(currentStep()).toBe('home');
    expect(screen.getByRole('status')).toHaveTextContent(text('zh-CN', 'lookup', 'noMatch'));
    expectNothingFrom();

    // With a response code as well: the code's card opens, still with nothing of the markup or the card.
    await user.clear(box);
    await user.type(box, '<script>alert(1)</script>卡号 6222 0212 3456 7894 应答码51');
    await user.click(screen.getByRole('button', { name: common('home.searchSubmit') }));
    expect(currentStep()).toBe('lookup.code');
    expectNothingFrom();

    expect(alert).not.toHaveBeenCalled();
    alert.mockRestore();
  });
});

describe('raw HTML', () => {
  it('is never injected: no dangerouslySetInnerHTML, innerHTML or outerHTML writes in src/', () => {
    const root = join(import.meta.dirname, '../../src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|tsx)$/.test(file));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write/.test(
        readFileSync(join(root, file), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
