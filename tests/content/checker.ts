/**
 * The content rules, in one place: `npm run content:check` (check.ts) and the Vitest suite both run them.
 * Pure over its inputs (content trees, domain facts, allow-list), so a test can feed it broken content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seats } from '../../src/domain/case/seat.ts';
import { answersOf } from '../../src/domain/diagnosis/flow.ts';
import { approvalOutcomes, responseCodes } from '../../src/domain/lookup/response-codes.ts';
import { screenMessageIds } from '../../src/domain/lookup/screen-messages.ts';
import { stepIds, stepInfo, type StepKind } from '../../src/domain/diagnosis/steps.ts';
import { defaultLanguage, languages } from '../../src/i18n/languages.ts';
import { namespaces } from '../../src/i18n/resources.ts';

/** { locale: { namespace: parsed JSON } } */
export type ContentTree = Record<string, Record<string, unknown>>;

/** What the content must cover, read from the domain and i18n modules. */
export interface Facts {
  readonly source: string;
  readonly locales: readonly string[];
  readonly namespaces: readonly string[];
  readonly steps: Readonly<
    Record<
      string,
      {
        readonly kind: StepKind;
        readonly answers: readonly string[];
        readonly asksRetry?: boolean;
        readonly asksPin?: boolean;
      }
    >
  >;
  readonly codes: readonly string[];
  readonly messages: readonly string[];
}

/**
 * locale → "namespace:key" → why the text may equal zh-CN. A `*` key segment stands for any one segment
 * ("messages:*.label"), for texts that are the same by design across a whole namespace.
 */
export type AllowList = Record<string, Record<string, string>>;

export interface CheckResult {
  readonly errors: string[];
  readonly files: number;
  readonly keys: number;
  readonly locales: number;
}

export const allowListFile = 'tests/content/allow-identical.json';

/**
 * Keys each kind of step needs in steps.json; `options` is checked against the machine separately. What support
 * reads out lives apart, in scripts.json (scriptParts), off the merchant's first screen.
 */
export const requiredByKind: Readonly<Record<StepKind, readonly string[]>> = {
  question: ['title', 'prompt'],
  remedy: ['title', 'steps', 'check'],
  outcome: ['title', 'summary', 'remedy', 'escalation.who', 'escalation.when', 'escalation.text'],
  code: ['title', 'prompt'],
};

/** What scripts.json holds for every step: what a support agent reads out, and what to listen for. */
export const scriptParts = ['say', 'listen'] as const;

export function domainFacts(): Facts {
  return {
    source: defaultLanguage,
    locales: languages,
    namespaces,
    steps: Object.fromEntries(
      stepIds.map((step) => {
        const info = stepInfo(step);
        return [
          step,
          {
            kind: info.kind,
            answers: answersOf(step),
            asksRetry: info.asksRetry === true,
            asksPin: info.asksPin === true,
          },
        ];
      }),
    ),
    codes: [...responseCodes.map((entry) => entry.code), ...Object.keys(approvalOutcomes)],
    messages: screenMessageIds,
  };
}

/** Every leaf of a content tree as [dotted key, value]; array items are keyed by index. */
export function leaves(node: unknown, prefix = ''): Array<[string, unknown]> {
  if (node !== null && typeof node === 'object') {
    const entries = Object.entries(node);
    if (entries.length === 0 && prefix) return [[prefix, node]];
    return entries.flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, node]];
}

function at(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      tree,
    );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Interpolation variables in a string, e.g. ["code"] for "应答码 {{code}}". */
export const variables = (value: unknown): string[] =>
  typeof value === 'string' ? [...value.matchAll(/\{\{\s*([\w.-]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort() : [];

/** Whether an allow-list entry ("steps:*.options.fixed") covers a namespace and key. */
export function covers(entry: string, namespace: string, key: string): boolean {
  const [ns = '', pattern = ''] = entry.split(/:(.*)/s);
  if (ns !== namespace) return false;
  const want = pattern.split('.');
  const have = key.split('.');
  return want.length === have.length && want.every((part, index) => part === '*' || part === have[index]);
}

const show = (names: readonly string[]) => (names.length ? names.map((name) => `{{${name}}}`).join(' ') : 'none');

/** Runs every rule; errors name the file, the key and, through the file, the locale. */
export function checkContent(
  content: ContentTree,
  facts: Facts = domainFacts(),
  allow: AllowList = {},
  words: FormalWordRule = anyContentWords,
): CheckResult {
  const errors: string[] = [];
  const file = (locale: string, namespace: string) => `content/${locale}/${namespace}.json`;
  const source = content[facts.source] ?? {};
  let files = 0;
  let keys = 0;

  for (const locale of Object.keys(content)) {
    if (!facts.locales.includes(locale)) {
      errors.push(`content/${locale}/: "${locale}" is not a language in src/i18n/languages.ts`);
    }
  }

  for (const locale of facts.locales) {
    const tree = content[locale];
    if (!tree) {
      errors.push(`content/${locale}/: the folder is missing (src/i18n/languages.ts lists ${locale})`);
      continue;
    }
    for (const namespace of Object.keys(tree)) {
      if (!facts.namespaces.includes(namespace)) {
        errors.push(`${file(locale, namespace)}: "${namespace}" is not a namespace in src/i18n/resources.ts`);
      }
    }
    for (const namespace of facts.namespaces) {
      const name = file(locale, namespace);
      if (!(namespace in tree)) {
        errors.push(`${name}: the file is missing (every language needs every namespace)`);
        continue;
      }
      files += 1;
      const own = new Map(leaves(tree[namespace]));
      const theirs = new Map(leaves(source[namespace]));
      keys += own.size;
      const allowed = Object.keys(allow[locale] ?? {});

      for (const [key, value] of own) {
        if (typeof value !== 'string') {
          errors.push(`${name}: ${key} is not text (found ${JSON.stringify(value)})`);
          continue;
        }
        if (value.trim() === '') errors.push(`${name}: ${key} is empty`);
        if (locale === facts.source) continue;
        if (!theirs.has(key)) {
          errors.push(`${name}: ${key} is an orphan (${facts.source} has no such key)`);
          continue;
        }
        const expected = variables(theirs.get(key));
        const found = variables(value);
        if (expected.join() !== found.join()) {
          errors.push(`${name}: ${key} uses ${show(found)} but ${facts.source} uses ${show(expected)}`);
        }
        const id = `${namespace}:${key}`;
        if (value === theirs.get(key) && !allowed.some((entry) => covers(entry, namespace, key))) {
          errors.push(
            `${name}: ${key} is identical to ${facts.source} ("${value}"); translate it, or list "${id}" under "${locale}" in ${allowListFile} with a reason`,
          );
        }
      }
      if (locale !== facts.source) {
        for (const key of theirs.keys()) {
          if (!own.has(key)) errors.push(`${name}: ${key} is missing (${facts.source} has it)`);
        }
      }

      if (namespace === 'steps') errors.push(...checkSteps(name, tree.steps, facts));
      if (namespace === 'scripts') errors.push(...checkScripts(name, tree.scripts, facts));
      if (namespace === 'seats') {
        errors.push(...checkSeatTexts(name, tree.seats, tree.steps, facts, locale === facts.source));
      }
      if (namespace === 'codes')
        errors.push(
          ...checkEntries(
            name,
            tree.codes,
            facts.codes,
            'response code',
            ['meaning', 'advice'],
            'src/domain/lookup/response-codes.json',
          ),
        );
      if (namespace === 'messages')
        errors.push(
          ...checkEntries(
            name,
            tree.messages,
            facts.messages,
            'screen message',
            ['label', 'meaning'],
            'src/domain/lookup/screen-messages.ts',
          ),
        );
    }
  }

  errors.push(...checkSafetyWords(content[facts.source] ?? {}, facts));
  errors.push(...checkAllowList(content, facts, allow));
  errors.push(...checkFormalWords(content, facts, words));
  return { errors, files, keys, locales: facts.locales.length };
}

/**
 * The words rule (issue 14): at the counter a merchant says POS机 (POS機) and POS公司 / POS机客服, not the formal
 * 终端 / 终端机 or 收单机构. The formal words stay only where the merchant meets them as printed, or where the app
 * explains them once; each allowed place says why.
 */
export interface FormalWordRule {
  /** The formal words, in both scripts (a global pattern). */
  readonly words: RegExp;
  /** Phrases allowed in any text: printed labels a merchant finds by their own name. */
  readonly anywhere: Readonly<Record<string, string>>;
  /** "namespace:key" (a `*` segment stands for any one) → phrase allowed in that text → why. */
  readonly allowed: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const formalWords: FormalWordRule = {
  words: /终端机|终端|收单机构|終端機|終端|收單機構/g,
  anywhere: {
    终端号: "the receipt's printed label for the terminal ID; a merchant finds the number by this word",
    終端號: 'the same receipt label, in Traditional characters where zh-Hant names the field',
  },
  allowed: {
    'messages:terminalNotRegistered.label': {
      终端未登记: 'the chip shows the terminal message exactly as printed (code 97)',
    },
    'scripts:setup.signOn.say': {
      终端未登记: 'support reads out the terminal message to look for, as printed',
    },
    'steps:done.acquirer.escalation.text': {
      收单机构: 'the one place the formal word is explained: POS公司 is what the contract and the bank call 收单机构',
      收單機構: 'the same explanation in zh-Hant',
    },
    'steps:done.merchantRestricted.escalation.who': {
      收单机构:
        'the same explanation on the other path to the POS company: a merchant whose account is restricted never passes done.acquirer',
      收單機構: 'the same explanation there, in zh-Hant',
    },
  },
};

/**
 * The rule for content other than this repository's (test fixtures): the same words and printed labels, no places of
 * this repository's own; checkRepository passes formalWords.
 */
export const anyContentWords: FormalWordRule = { ...formalWords, allowed: {} };

/** Every text that says a formal word outside an allowed phrase; allow-list entries that cover nothing. */
function checkFormalWords(content: ContentTree, facts: Facts, rule: FormalWordRule): string[] {
  const errors: string[] = [];
  const used = new Set<string>();
  const where = 'formalWords in tests/content/checker.ts';
  for (const locale of facts.locales) {
    for (const [namespace, tree] of Object.entries(content[locale] ?? {})) {
      for (const [key, value] of leaves(tree)) {
        if (typeof value !== 'string') continue;
        let rest = value;
        for (const phrase of Object.keys(rule.anywhere)) rest = rest.replaceAll(phrase, '');
        for (const [entry, phrases] of Object.entries(rule.allowed)) {
          if (!covers(entry, namespace, key)) continue;
          for (const phrase of Object.keys(phrases)) {
            if (!rest.includes(phrase)) continue;
            used.add(`${entry} ${phrase}`);
            rest = rest.replaceAll(phrase, '');
          }
        }
        const found = [...new Set(rest.match(rule.words) ?? [])];
        if (found.length > 0) {
          errors.push(
            `content/${locale}/${namespace}.json: ${key} says ${found.map((word) => `"${word}"`).join(', ')}; a merchant says POS机 (POS機) and POS公司: reword it, or list the phrase for "${namespace}:${key}" in ${where} with why`,
          );
        }
      }
    }
  }
  for (const [entry, phrases] of Object.entries(rule.allowed)) {
    for (const [phrase, why] of Object.entries(phrases)) {
      if (why.trim() === '') errors.push(`${where}: ${entry} "${phrase}" needs a reason`);
      if (!used.has(`${entry} ${phrase}`)) errors.push(`${where}: ${entry} "${phrase}" covers no text (remove it)`);
    }
  }
  for (const [phrase, why] of Object.entries(rule.anywhere)) {
    if (why.trim() === '') errors.push(`${where}: "${phrase}" needs a reason`);
  }
  return errors;
}

/** How many places may still say a formal word, for the summary line of npm run content:check. */
export const formalWordPlaces = (rule: FormalWordRule = formalWords): number =>
  Object.values(rule.allowed).reduce((sum, phrases) => sum + Object.keys(phrases).length, 0) +
  Object.keys(rule.anywhere).length;

/** Each step has the texts its kind needs and a label for exactly the answers the machine offers; nothing else. */
function checkSteps(name: string, steps: unknown, facts: Facts): string[] {
  const errors: string[] = [];
  for (const [step, { kind, answers }] of Object.entries(facts.steps)) {
    const content = at(steps, step);
    if (!isObject(content)) {
      errors.push(`${name}: ${step} is missing (every step needs content)`);
      continue;
    }
    for (const key of requiredByKind[kind]) {
      const value = at(content, key);
      if (value === undefined) errors.push(`${name}: ${step}.${key} is missing (every ${kind} step needs it)`);
      else if (Array.isArray(value) && value.length === 0) errors.push(`${name}: ${step}.${key} is an empty list`);
    }
    const options = at(content, 'options');
    const labelled = isObject(options) ? Object.keys(options) : [];
    for (const answer of answers) {
      if (!labelled.includes(answer)) {
        errors.push(`${name}: ${step}.options.${answer} is missing (the machine offers answer.${answer})`);
      }
    }
    for (const answer of labelled) {
      if (!answers.includes(answer)) {
        errors.push(`${name}: ${step}.options.${answer} is an orphan (the machine offers no answer.${answer} there)`);
      }
    }
  }
  if (isObject(steps)) {
    for (const [branch, leafs] of Object.entries(steps)) {
      for (const leaf of isObject(leafs) ? Object.keys(leafs) : ['']) {
        const step = leaf ? `${branch}.${leaf}` : branch;
        if (!(step in facts.steps))
          errors.push(`${name}: ${step} is an orphan (no such step in src/domain/diagnosis/steps.ts)`);
      }
    }
  }
  return errors;
}

/** scripts.json: every step has what support says and listens for, and nothing there names no step or part. */
function checkScripts(name: string, scripts: unknown, facts: Facts): string[] {
  const errors: string[] = [];
  for (const step of Object.keys(facts.steps)) {
    const script = at(scripts, step);
    if (!isObject(script)) {
      errors.push(`${name}: ${step} is missing (support reads out every step)`);
      continue;
    }
    for (const part of scriptParts) {
      if (script[part] === undefined) errors.push(`${name}: ${step}.${part} is missing (every step needs it)`);
    }
    for (const part of Object.keys(script)) {
      if (!(scriptParts as readonly string[]).includes(part)) {
        errors.push(`${name}: ${step}.${part} is an orphan (a script has ${scriptParts.join(' and ')})`);
      }
    }
  }
  for (const [branch, leafs] of Object.entries(isObject(scripts) ? scripts : {})) {
    for (const leaf of isObject(leafs) ? Object.keys(leafs) : ['']) {
      const step = leaf ? `${branch}.${leaf}` : branch;
      if (!(step in facts.steps))
        errors.push(`${name}: ${step} is an orphan (no such step in src/domain/diagnosis/steps.ts)`);
    }
  }
  return errors;
}

/** The parts of a step a seat may say its own way (src/ui/content.ts, seatContent); lists item by item. */
const seatParts = [
  /^script\.(say|listen)$/,
  /^escalation\.(who|when|text)$/,
  /^warning$/,
  /^do$/,
  /^(steps|remedy)\.\d+$/,
];

/**
 * seats.json: each seat's own text for a step names a seat, a step, a part a seat may change and, for a list, an
 * item the step has; in the source language it keeps the safety rules of the step it changes.
 */
function checkSeatTexts(name: string, tree: unknown, steps: unknown, facts: Facts, source: boolean): string[] {
  const errors: string[] = [];
  for (const [seat, texts] of Object.entries(isObject(tree) ? tree : {})) {
    if (!(seats as readonly string[]).includes(seat)) {
      errors.push(`${name}: ${seat} is not a seat (src/domain/case/seat.ts)`);
      continue;
    }
    for (const [key, value] of leaves(texts)) {
      const parts = key.split('.');
      const step = parts.slice(0, 2).join('.');
      const part = parts.slice(2).join('.');
      const info = facts.steps[step];
      if (!info) {
        errors.push(`${name}: ${seat}.${key} names no step in src/domain/diagnosis/steps.ts`);
        continue;
      }
      if (!seatParts.some((pattern) => pattern.test(part)) || (part === 'do' && info.kind !== 'outcome')) {
        errors.push(`${name}: ${seat}.${key}: a seat cannot change ${part || 'a whole step'} on a ${info.kind} step`);
        continue;
      }
      const [list = '', index = ''] = part.split('.');
      const isItem = list === 'steps' || list === 'remedy';
      const items = at(steps, `${step}.${list}`);
      if (isItem && !(Array.isArray(items) && Number(index) < items.length)) {
        errors.push(`${name}: ${seat}.${key}: ${step}.${list} has no item ${index}`);
      }
      if (!source || typeof value !== 'string') continue;
      const negated = /不要|别再|不能/.test(value);
      if (isItem && info.kind !== 'question' && !info.asksRetry && !negated && safetyWords.retry.test(value)) {
        errors.push(`${name}: ${seat}.${key} asks for another attempt but ${step} is not asksRetry (S2)`);
      }
      for (const rule of ['balance', 'voiding'] as const) {
        if (safetyWords[rule].test(value) && !safetyWords.allowed[rule]?.[step]) {
          errors.push(
            `${name}: ${seat}.${key} says ${rule === 'balance' ? '"not enough money"' : '"void"'} outside the places the safety rules allow`,
          );
        }
      }
    }
  }
  return errors;
}

/** Every id has the needed fields; every entry has an id. */
function checkEntries(
  name: string,
  tree: unknown,
  ids: readonly string[],
  what: string,
  fields: readonly string[],
  home: string,
): string[] {
  const errors: string[] = [];
  const entries = isObject(tree) ? tree : {};
  for (const id of ids) {
    for (const field of fields) {
      if (at(entries, `${id}.${field}`) === undefined) {
        errors.push(`${name}: ${id}.${field} is missing (every ${what} needs ${fields.join(' and ')})`);
      }
    }
  }
  for (const id of Object.keys(entries)) {
    if (!ids.includes(id)) errors.push(`${name}: ${id} is an orphan (no such ${what} in ${home})`);
  }
  return errors;
}

/** The allow-list stays honest: a reason for each entry, and only texts that really are identical. */
function checkAllowList(content: ContentTree, facts: Facts, allow: AllowList): string[] {
  const errors: string[] = [];
  for (const [locale, entries] of Object.entries(allow)) {
    if (locale === facts.source || !facts.locales.includes(locale)) {
      errors.push(`${allowListFile}: "${locale}" is not a translated language`);
      continue;
    }
    for (const [entry, reason] of Object.entries(entries)) {
      if (typeof reason !== 'string' || reason.trim() === '') {
        errors.push(`${allowListFile}: ${locale} ${entry} needs a reason`);
      }
      const [namespace = ''] = entry.split(':');
      const identical = leaves(content[locale]?.[namespace]).some(
        ([key, value]) =>
          covers(entry, namespace, key) &&
          typeof value === 'string' &&
          value === at(content[facts.source]?.[namespace], key),
      );
      if (!identical) {
        errors.push(`${allowListFile}: ${locale} ${entry} covers no text identical to ${facts.source} (remove it)`);
      }
    }
  }
  return errors;
}

/** Reads content/<locale>/<namespace>.json under `root`; unreadable JSON becomes an error, not a crash. */
export function loadContent(root: string): { content: ContentTree; errors: string[] } {
  const content: ContentTree = {};
  const errors: string[] = [];
  const dir = join(root, 'content');
  for (const locale of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const tree: Record<string, unknown> = (content[locale.name] = {});
    for (const fileName of readdirSync(join(dir, locale.name))
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const namespace = fileName.slice(0, -'.json'.length);
      try {
        tree[namespace] = JSON.parse(readFileSync(join(dir, locale.name, fileName), 'utf8'));
      } catch (error) {
        errors.push(`content/${locale.name}/${fileName}: not valid JSON (${(error as Error).message})`);
      }
    }
  }
  return { content, errors };
}

export function loadAllowList(root: string): AllowList {
  return JSON.parse(readFileSync(join(root, allowListFile), 'utf8')) as AllowList;
}

/** The whole check over the repository at `root`. */
export function checkRepository(root: string): CheckResult {
  const { content, errors } = loadContent(root);
  const result = checkContent(content, domainFacts(), loadAllowList(root), formalWords);
  return { ...result, errors: [...errors, ...result.errors] };
}

/**
 * The safety rules as they read on screen (README "Safety rules"), held on the zh-CN source text, which every other
 * locale translates. Each allowed place says why.
 */
export const safetyWords = {
  /** A remedy or outcome that asks for another attempt must be flagged asksRetry (S2: it offers "no clear result"). */
  retry: /再挥|再试一次|重新发起|请顾客换|换一张卡|换卡|其他方式付|其他付款方式|别的方式付|改为插卡|插进卡槽|再输/,
  /** "Not enough money" only where 51 is established (S3). */
  balance: /余额不足|没钱|钱不够|额度不够/,
  /** Voiding only where the terminal's own list shows two sales (S5). */
  voiding: /消费撤销/,
  allowed: {
    balance: {
      'balance.check': 'asks whether the screen shows 51 / 余额不足',
      'balance.fix': 'reached only when 51 is established (S3, tests/model/safety-rules.test.ts)',
      'gate.charged': 'names 余额不足 as an example of a clear decline shown on screen',
      'done.issuer': 'tells the merchant NOT to say 没钱',
    },
    voiding: {
      'done.doubleCharge': 'reached only after the terminal list showed two sales (S5)',
      'done.paid': 'voiding is conditional on two sales in the terminal list, in the same sentence',
      'done.pendingHold': 'warns NOT to void',
      'operator.check': 'checks the voucher numbers when a void is done for another reason',
      'setup.settleFix': 'voids due today must be done before settling',
    },
  } as Record<string, Record<string, string>>,
} as const;

/** Lines that say what to do (a negated line tells what not to do). */
const toDo = (lines: unknown[]): string[] =>
  lines.filter((line): line is string => typeof line === 'string' && !/不要|别再|不能/.test(line));

/** The lines of a step a merchant is told to do: prompt, steps, check, remedy. */
function instructionLines(content: Record<string, unknown>): string[] {
  return toDo(
    ['prompt', 'check']
      .map((key) => content[key])
      .concat(...(['steps', 'remedy'].map((key) => (Array.isArray(content[key]) ? content[key] : [])) as unknown[][])),
  );
}

/**
 * The safety rules over a step's texts in the source language: those a merchant is told (steps.json) and those
 * support reads out (scripts.json), each error naming its own file.
 */
function checkSafetyWords(source: Record<string, unknown>, facts: Facts): string[] {
  const errors: string[] = [];
  const file = `content/${facts.source}/steps.json`;
  for (const [step, info] of Object.entries(facts.steps)) {
    const content = at(source.steps, step);
    if (!isObject(content)) continue;
    const script = at(source.scripts, step);
    // What support reads out and listens for is said to the merchant too: it may not ask for a retry either.
    const told: Array<[string, string[]]> = [
      [file, instructionLines(content)],
      [
        `content/${facts.source}/scripts.json`,
        toDo(scriptParts.map((part) => (isObject(script) ? script[part] : null))),
      ],
    ];
    for (const [where, lines] of told) {
      if (info.kind !== 'question' && !info.asksRetry && lines.some((line) => safetyWords.retry.test(line))) {
        errors.push(
          `${where}: ${step} asks for another attempt but is not asksRetry, so it offers no "no clear result" (S2)`,
        );
      }
    }
    if (info.asksPin && !(typeof content.pin === 'string' && variables(content.pin).join() === 'left,wrong')) {
      errors.push(`${file}: ${step}.pin must show the PIN tries with {{wrong}} and {{left}} (S4)`);
    }
    for (const namespace of ['steps', 'scripts']) {
      const all = leaves(at(source[namespace], step))
        .map(([, value]) => value)
        .filter((value): value is string => typeof value === 'string');
      for (const rule of ['balance', 'voiding'] as const) {
        if (all.some((value) => safetyWords[rule].test(value)) && !safetyWords.allowed[rule]?.[step]) {
          errors.push(
            `content/${facts.source}/${namespace}.json: ${step} says ${rule === 'balance' ? '"not enough money"' : '"void"'} outside the places the safety rules allow`,
          );
        }
      }
    }
  }
  return errors;
}
