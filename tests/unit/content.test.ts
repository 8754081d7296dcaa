import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../src/i18n/languages.ts';
import {
  checkContent,
  checkRepository,
  covers,
  anyContentWords,
  formalWords,
  type AllowList,
  type ContentTree,
  type Facts,
  type FormalWordRule,
} from '../content/checker.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('the content of this repository', () => {
  it('passes every content rule in every language (the same check as npm run content:check)', () => {
    const result = checkRepository(root);
    expect(result.errors).toEqual([]);
    expect(result.locales).toBeGreaterThanOrEqual(3);
  });
});

/** A tiny diagnosis: one remedy, one outcome, one code, one message, two languages. */
const facts: Facts = {
  source: 'zh-CN',
  locales: ['zh-CN', 'en'],
  namespaces: ['common', 'steps', 'scripts', 'codes', 'messages'],
  steps: {
    'network.fix': { kind: 'remedy', answers: ['fixed', 'unknown'] },
    'done.acquirer': { kind: 'outcome', answers: [] },
    'lookup.code': { kind: 'code', answers: ['continue'] },
  },
  codes: ['51'],
  messages: ['insertCard'],
};

const script = (say: string, listen: string) => ({ say, listen });

function goodContent() {
  return {
    'zh-CN': {
      common: { app: { name: '挥卡诊断', tagline: '几步找到原因' } },
      steps: {
        network: {
          fix: {
            title: '恢复网络',
            steps: ['重启路由器'],
            check: '成功了吗？',
            options: { fixed: '成功了', unknown: '又超时了' },
          },
        },
        done: {
          acquirer: {
            title: '联系POS公司',
            summary: '问题在POS机这一侧。',
            remedy: ['先用现金收款'],
            escalation: { who: 'POS公司', when: '现在就打', text: '报上商户号、终端号。' },
          },
        },
        lookup: {
          code: {
            title: '应答码 {{code}}',
            prompt: '这个应答码的意思：',
            options: { continue: '继续' },
          },
        },
      },
      scripts: {
        network: { fix: script('我们先把网络弄好。', '信号回来 → 成功了。') },
        done: { acquirer: script('请打客服电话。', '找不到电话 → 看贴纸。') },
        lookup: { code: script('您报的是 {{code}}。', '确认是两位码。') },
      },
      codes: { '51': { meaning: '余额不足。', advice: '请换一张卡。' } },
      messages: { insertCard: { label: '请插卡', meaning: '这笔要插卡。' } },
    },
    en: {
      common: { app: { name: 'TapFix', tagline: 'Find the cause in a few steps' } },
      steps: {
        network: {
          fix: {
            title: 'Restore the network',
            steps: ['Restart the router'],
            check: 'Did it work?',
            options: { fixed: 'It worked', unknown: 'Timed out again' },
          },
        },
        done: {
          acquirer: {
            title: 'Call your POS provider',
            summary: 'The problem is on the terminal side.',
            remedy: ['Take cash for now'],
            escalation: { who: 'Acquirer', when: 'Now', text: 'Give your merchant ID.' },
          },
        },
        lookup: {
          code: {
            title: 'Response code {{code}}',
            prompt: 'What this code means:',
            options: { continue: 'Continue' },
          },
        },
      },
      scripts: {
        network: { fix: script("Let's fix the network first.", 'Signal back → it worked.') },
        done: { acquirer: script('Please call the help line.', 'No number → look at the sticker.') },
        lookup: { code: script('You read out {{code}}.', 'Make sure it has two characters.') },
      },
      codes: { '51': { meaning: 'Insufficient funds.', advice: 'Try another card.' } },
      messages: { insertCard: { label: '请插卡 (insert card)', meaning: 'This payment needs the chip.' } },
    },
  };
}

/** Content with one edit applied to a fresh copy. */
function broken(edit: (content: ReturnType<typeof goodContent>) => void): ContentTree {
  const content = goodContent();
  edit(content);
  return content;
}

const drop = (node: object, key: string) => delete (node as Record<string, unknown>)[key];

const errorsOf = (content: ContentTree, allow: AllowList = {}) => checkContent(content, facts, allow).errors;

describe('content:check', () => {
  it('accepts complete content and counts what it read', () => {
    expect(checkContent(goodContent(), facts)).toEqual({ errors: [], files: 10, keys: 52, locales: 2 });
  });

  it('names the file, the key and the source language when a key is missing', () => {
    const content = broken((c) => drop(c.en.steps.network.fix.options, 'unknown'));
    expect(errorsOf(content)).toEqual([
      'content/en/steps.json: network.fix.options.unknown is missing (zh-CN has it)',
      'content/en/steps.json: network.fix.options.unknown is missing (the machine offers answer.unknown)',
    ]);
  });

  it('reports a key the source language lacks as an orphan', () => {
    const content = broken((c) => Object.assign(c.en.common.app, { slogan: 'Tap and go' }));
    expect(errorsOf(content)).toEqual(['content/en/common.json: app.slogan is an orphan (zh-CN has no such key)']);
  });

  it('reports step, code and message content without a step, code or message', () => {
    const content = broken((c) => {
      Object.assign(c['zh-CN'].steps.network, { old: { title: '旧的一步' } });
      Object.assign(c['zh-CN'].codes, { '08': { meaning: '旧代码', advice: '换卡' } });
      Object.assign(c['zh-CN'].messages, { beep: { label: '嘀', meaning: '响了' } });
    });
    const errors = errorsOf(content);
    expect(errors).toContain(
      'content/zh-CN/steps.json: network.old is an orphan (no such step in src/domain/diagnosis/steps.ts)',
    );
    expect(errors).toContain(
      'content/zh-CN/codes.json: 08 is an orphan (no such response code in src/domain/lookup/response-codes.json)',
    );
    expect(errors).toContain(
      'content/zh-CN/messages.json: beep is an orphan (no such screen message in src/domain/lookup/screen-messages.ts)',
    );
  });

  it('asks each kind of step for its own texts, and for labels of exactly the answers the machine offers', () => {
    const content = broken((c) => {
      drop(c['zh-CN'].steps.done.acquirer.escalation, 'when');
      Object.assign(c['zh-CN'].steps.network.fix.options, { later: '稍后再说' });
    });
    const errors = errorsOf(content);
    expect(errors).toContain(
      'content/zh-CN/steps.json: done.acquirer.escalation.when is missing (every outcome step needs it)',
    );
    expect(errors).toContain(
      'content/zh-CN/steps.json: network.fix.options.later is an orphan (the machine offers no answer.later there)',
    );
  });

  it('needs meaning and advice for every response code, label and meaning for every screen message', () => {
    const content = broken((c) => {
      drop(c.en.codes['51'], 'advice');
      drop(c.en.messages.insertCard, 'meaning');
    });
    const errors = errorsOf(content);
    expect(errors).toContain(
      'content/en/codes.json: 51.advice is missing (every response code needs meaning and advice)',
    );
    expect(errors).toContain(
      'content/en/messages.json: insertCard.meaning is missing (every screen message needs label and meaning)',
    );
  });

  it('reports interpolation variables that differ from the source language', () => {
    const content = broken((c) => Object.assign(c.en.steps.lookup.code, { title: 'Response code {{cod}}' }));
    expect(errorsOf(content)).toEqual([
      'content/en/steps.json: lookup.code.title uses {{cod}} but zh-CN uses {{code}}',
    ]);
  });

  it('reports empty strings and values that are not text', () => {
    const content = broken((c) => {
      Object.assign(c.en.common.app, { name: '  ' });
      Object.assign(c['zh-CN'].common.app, { tagline: 3 });
    });
    const errors = errorsOf(content);
    expect(errors).toContain('content/en/common.json: app.name is empty');
    expect(errors).toContain('content/zh-CN/common.json: app.tagline is not text (found 3)');
  });

  it('reports untranslated text identical to the source unless the allow-list gives a reason', () => {
    const content = broken((c) => Object.assign(c.en.common.app, { tagline: '几步找到原因' }));
    expect(errorsOf(content)).toEqual([
      'content/en/common.json: app.tagline is identical to zh-CN ("几步找到原因"); translate it, or list "common:app.tagline" under "en" in tests/content/allow-identical.json with a reason',
    ]);
    expect(errorsOf(content, { en: { 'common:app.tagline': 'The slogan is kept in Chinese.' } })).toEqual([]);
    expect(errorsOf(content, { en: { 'common:app.tagline': '' } })).toEqual([
      'tests/content/allow-identical.json: en common:app.tagline needs a reason',
    ]);
  });

  it('reports allow-list entries that no longer cover identical text', () => {
    expect(errorsOf(goodContent(), { en: { 'common:app.name': 'Brand name.' } })).toEqual([
      'tests/content/allow-identical.json: en common:app.name covers no text identical to zh-CN (remove it)',
    ]);
  });

  it('reports a missing namespace file and a folder for a language the app does not ship', () => {
    const content = broken((c) => {
      drop(c.en, 'messages');
      Object.assign(c, { fr: {} });
    });
    const errors = errorsOf(content);
    expect(errors).toContain('content/fr/: "fr" is not a language in src/i18n/languages.ts');
    expect(errors).toContain('content/en/messages.json: the file is missing (every language needs every namespace)');
  });

  it("holds support's read-aloud scripts (scripts.json) to the steps and the rules as before they moved", () => {
    const content = broken((c) => {
      drop(c['zh-CN'].scripts.network.fix, 'listen');
      Object.assign(c['zh-CN'].scripts.network, { old: script('旧的一步。', '没有了。') });
      Object.assign(c['zh-CN'].scripts.done.acquirer, { note: '多出来的' });
      drop(c.en.scripts, 'lookup');
      c.en.scripts.done.acquirer.say = 'Please call {{who}}.';
      c['zh-CN'].scripts.done.acquirer.say = '顾客余额不足，请做消费撤销。';
      c['zh-CN'].scripts.network.fix.say = '请顾客换一张卡再试一次。';
      c['zh-CN'].scripts.lookup.code.listen = '确认是终端上的两位码。';
    });
    const errors = errorsOf(content);
    for (const error of [
      'content/zh-CN/scripts.json: network.fix.listen is missing (every step needs it)',
      'content/zh-CN/scripts.json: done.acquirer.note is an orphan (a script has say and listen)',
      'content/zh-CN/scripts.json: network.old is an orphan (no such step in src/domain/diagnosis/steps.ts)',
      'content/en/scripts.json: lookup.code is missing (support reads out every step)',
      'content/en/scripts.json: done.acquirer.say uses {{who}} but zh-CN uses none',
      'content/zh-CN/scripts.json: done.acquirer says "not enough money" outside the places the safety rules allow',
      'content/zh-CN/scripts.json: done.acquirer says "void" outside the places the safety rules allow',
      'content/zh-CN/scripts.json: network.fix asks for another attempt but is not asksRetry, so it offers no "no clear result" (S2)',
    ])
      expect(errors).toContain(error);
    expect(errors).toContainEqual(
      expect.stringMatching(/^content\/zh-CN\/scripts\.json: lookup\.code\.listen says "终端";/),
    );
    // Nothing in steps.json is blamed for what a script says.
    expect(errors.filter((error) => error.includes('steps.json'))).toEqual([]);
  });

  it("checks a support seat's own step texts: a real seat, step, part and list item, and the safety rules", () => {
    const withSeats: Facts = { ...facts, namespaces: [...facts.namespaces, 'seats'] };
    const content = goodContent();
    const good = {
      acquirer: { done: { acquirer: { do: '由您开工单。', remedy: { '0': '由您开工单。' } } } },
    };
    Object.assign(content['zh-CN'], { seats: good });
    Object.assign(content.en, {
      seats: { acquirer: { done: { acquirer: { do: 'You open a ticket.', remedy: { '0': 'You open a ticket.' } } } } },
    });
    expect(checkContent(content, withSeats).errors).toEqual([]);

    Object.assign(content['zh-CN'], {
      seats: {
        ...good,
        cashier: { done: { acquirer: { do: '收银员' } } },
        bank: {
          done: { gone: { do: '没有这一步' }, acquirer: { remedy: { '3': '第四条', '0': '请顾客换一张卡' } } },
          network: { fix: { do: '问题步骤没有结论', title: '不能改标题' } },
        },
      },
    });
    const errors = checkContent(content, withSeats).errors.filter((error) => error.startsWith('content/zh-CN/seats'));
    expect(errors).toEqual([
      'content/zh-CN/seats.json: cashier is not a seat (src/domain/case/seat.ts)',
      'content/zh-CN/seats.json: bank.done.gone.do names no step in src/domain/diagnosis/steps.ts',
      'content/zh-CN/seats.json: bank.done.acquirer.remedy.0 asks for another attempt but done.acquirer is not asksRetry (S2)',
      'content/zh-CN/seats.json: bank.done.acquirer.remedy.3: done.acquirer.remedy has no item 3',
      'content/zh-CN/seats.json: bank.network.fix.do: a seat cannot change do on a remedy step',
      'content/zh-CN/seats.json: bank.network.fix.title: a seat cannot change title on a remedy step',
    ]);
  });
});

describe('the words rule: POS机 and POS公司 at the counter, 终端 and 收单机构 only where allowed', () => {
  /** One allowed place, like the repository's: the escalation's details explain the formal word once. */
  const rule: FormalWordRule = {
    words: formalWords.words,
    anywhere: { 终端号: "the receipt's printed label" },
    allowed: { 'steps:done.acquirer.escalation.text': { 收单机构: 'the one explanation of the formal word' } },
  };
  const wordErrors = (content: ContentTree, words: FormalWordRule = anyContentWords) =>
    checkContent(content, facts, {}, words).errors;

  it('reports 终端 or 收单机构 in merchant text, naming the file, the key and the word', () => {
    const content = broken((c) => {
      c['zh-CN'].steps.done.acquirer.summary = '问题在终端这一侧，要收单机构处理。';
      c.en.codes['51'].advice = 'Try another card, or ask the 收单机构.';
    });
    expect(wordErrors(content)).toEqual([
      'content/zh-CN/steps.json: done.acquirer.summary says "终端", "收单机构"; a merchant says POS机 (POS機) and POS公司: reword it, or list the phrase for "steps:done.acquirer.summary" in formalWords in tests/content/checker.ts with why',
      'content/en/codes.json: 51.advice says "收单机构"; a merchant says POS机 (POS機) and POS公司: reword it, or list the phrase for "codes:51.advice" in formalWords in tests/content/checker.ts with why',
    ]);
  });

  it('reads the Traditional forms too', () => {
    const content = broken((c) => (c['zh-CN'].codes['51'].advice = '請聯絡收單機構，或換一台終端機。'));
    expect(wordErrors(content)).toEqual([
      expect.stringMatching(/^content\/zh-CN\/codes\.json: 51\.advice says "收單機構", "終端機";/),
    ]);
  });

  it('lets an allow-listed phrase through in its own place only, and the receipt label 终端号 anywhere', () => {
    const explained = broken(
      (c) => (c['zh-CN'].steps.done.acquirer.escalation.text = 'POS公司（正式叫法：收单机构）。报上终端号。'),
    );
    expect(wordErrors(explained, rule)).toEqual([]);
    expect(wordErrors(explained)).toEqual([expect.stringMatching(/escalation\.text says "收单机构"/)]);
    // The same phrase in another text is not allowed, nor another formal word beside the allowed one.
    const elsewhere = broken((c) => {
      c['zh-CN'].steps.done.acquirer.escalation.text = 'POS公司（正式叫法：收单机构），电话在终端背面。';
      c['zh-CN'].steps.done.acquirer.escalation.when = '收单机构上班时间';
    });
    expect(wordErrors(elsewhere, rule)).toEqual([
      expect.stringMatching(/^content\/zh-CN\/steps\.json: done\.acquirer\.escalation\.when says "收单机构";/),
      expect.stringMatching(/^content\/zh-CN\/steps\.json: done\.acquirer\.escalation\.text says "终端";/),
    ]);
  });

  it('keeps its allow-list honest: a reason for each place, and only places that still say the word', () => {
    const stale: FormalWordRule = {
      ...rule,
      allowed: { ...rule.allowed, 'codes:51.meaning': { 终端: '' } },
    };
    expect(wordErrors(goodContent(), stale)).toEqual([
      'formalWords in tests/content/checker.ts: steps:done.acquirer.escalation.text "收单机构" covers no text (remove it)',
      'formalWords in tests/content/checker.ts: codes:51.meaning "终端" needs a reason',
      'formalWords in tests/content/checker.ts: codes:51.meaning "终端" covers no text (remove it)',
    ]);
  });

  it('gives every allowed place of the repository a reason', () => {
    for (const [entry, phrases] of Object.entries(formalWords.allowed)) {
      expect(entry).toMatch(/^[a-z]+:[\w.*-]+$/);
      for (const [phrase, why] of Object.entries(phrases)) {
        expect(phrase, entry).toMatch(formalWords.words);
        expect(why.length, `${entry} ${phrase}`).toBeGreaterThan(20);
      }
    }
  });
});

describe('allow-list patterns', () => {
  it('lets * stand for exactly one key segment within one namespace', () => {
    expect(covers('steps:*.*.options.fixed', 'steps', 'network.fix.options.fixed')).toBe(true);
    expect(covers('steps:*.*.options.fixed', 'steps', 'network.fix.options.notFixed')).toBe(false);
    expect(covers('messages:*.label', 'messages', 'insertCard.label')).toBe(true);
    expect(covers('messages:*.label', 'codes', 'insertCard.label')).toBe(false);
  });
});

describe('choosing the content language', () => {
  it('reads Traditional Chinese for zh-TW, zh-HK, zh-MO and zh-Hant*, Simplified for any other zh', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh-hant-hk']) {
      expect(pickLanguage(null, [tag]), tag).toBe('zh-Hant');
    }
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK'])
      expect(pickLanguage(null, [tag]), tag).toBe('zh-CN');
    expect(pickLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLanguage('zh-Hant', ['en-US'])).toBe('zh-Hant');
    expect(pickLanguage(null, ['fr'])).toBe('zh-CN');
  });
});
