/**
 * The facts of every response code, written by hand from the domain reference and the terminal tables it cites
 * (UnionPay Q/CUP 006.6-2015 A.2.1 as quoted there; CaoEnXin/LiaoYang_POS Src/globalvar.c; caoguoqing/JLPay
 * JLPay/ErrorType.m with its A–E classes; radtek/hotel RepInfo.cs for the POS-centre codes 78/79; billzbh/XML2Java
 * pboccore/EmvModul.c for the chip kernel's own Z1/Z3), never read back from src/domain/lookup/response-codes.json.
 * A change to a code's meaning, who acts, retry advice, unknown-outcome flag or opening step fails here by name.
 */
import type { AnswerId } from '../../src/domain/diagnosis/flow.ts';
import { sendAll } from '../support/replay.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import enCodes from '../../content/en/codes.json' with { type: 'json' };
import zhCodes from '../../content/zh-CN/codes.json' with { type: 'json' };
import hantCodes from '../../content/zh-Hant/codes.json' with { type: 'json' };
import { currentStep, getDiagnosisMachine } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import type { Actor, Category, RetryAdvice } from '../../src/domain/lookup/categories.ts';
import sources from '../../src/domain/lookup/response-code-sources.json' with { type: 'json' };
import rawCodes from '../../src/domain/lookup/response-codes.json' with { type: 'json' };
import { parseResponseCodes, responseCodes, type ResponseCode } from '../../src/domain/lookup/response-codes.ts';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';

const diagnosisMachine = getDiagnosisMachine();

interface Fact {
  readonly category: Category;
  readonly actor: Actor;
  readonly retry: RetryAdvice;
  /** The sale may have gone through (domain README §1: 68, 98, 94, 09, A0; and Z3, below). */
  readonly unknownOutcome: boolean;
  readonly step: StepId;
  /** What the code means: must appear in the reference wording and in the zh-CN merchant text. */
  readonly means: RegExp;
}

type Row = readonly [Category, Actor, RetryAdvice, boolean, StepId, RegExp];

const net = 'issuer_acquirer_host';
const card = 'card_state';
const setup = 'terminal_setup';
const op = 'operator_error';
const acct = 'balance_account';
const pin = 'cardholder_verification';
const amount = 'amount_limit';
const reading = 'reading_physical';
const link = 'network';

// Columns: category, who acts, retry, unknown outcome, where the diagnosis opens, what it means.
// Comments: the terminal tables' wording (L = LiaoYang globalvar.c, J = JLPay ErrorType.m with its class).
// prettier-ignore
const table: Record<string, Row> = {
  '01': [net, 'cardholder', 'after-fix', false, 'card.other', /发卡行/], // L 请持卡人与发卡银行联系 · J C
  '02': [net, 'cardholder', 'after-fix', false, 'card.other', /发卡行/], // older tables only; like 01
  '03': [setup, 'acquirer', 'after-fix', false, 'done.merchantRestricted', /商户/], // L/J 无效商户 · §3.2 the shop's account → the POS company
  '04': [card, 'issuer', 'no', false, 'done.cardBlocked', /没收/], // L 此卡被没收 · J D
  '05': [net, 'cardholder', 'after-fix', false, 'card.other', /身份/], // L 持卡人认证失败 · J C (conflict: do not honour)
  '06': [net, 'issuer', 'after-fix', false, 'host.wait', /出错/], // 发卡方出错 · older class E (system fault)
  '07': [card, 'issuer', 'no', false, 'done.cardBlocked', /没收/], // 特殊条件下没收卡
  '09': [net, 'merchant', 'after-fix', true, 'host.wait', /处理中/], // 请求正在处理中 · §1 unknown outcome
  '12': [op, 'merchant', 'after-fix', false, 'operator.check', /原交易/], // L/J 无效交易 · §3.9
  '13': [amount, 'merchant', 'after-fix', false, 'operator.check', /金额/], // L/J 无效金额 · J B · §3.9 wrong amount keyed
  '14': [card, 'cardholder', 'after-fix', false, 'card.other', /卡号/], // L/J 无效卡号 · J B
  '15': [net, 'acquirer', 'no', false, 'card.other', /发卡/], // L/J 此卡无对应发卡方 · §3.10 another card
  '19': [reading, 'merchant', 'safe', false, 'reading.placement', /重新发起/], // §3.7 host 19 re-read
  '20': [net, 'acquirer', 'after-fix', false, 'host.wait', /无效/], // 无效应答 (legacy)
  '21': [card, 'cardholder', 'after-fix', false, 'card.other', /激活/], // L/J 该卡未初始化或睡眠卡
  '22': [op, 'merchant', 'after-fix', false, 'operator.check', /操作有误/], // L 操作有误,或超出交易允许天数
  '23': [net, 'acquirer', 'after-fix', false, 'done.acquirer', /(手续|交易)费/], // 不可接受的交易费 (legacy)
  '25': [op, 'merchant', 'after-fix', false, 'operator.check', /找不到原/], // L/J 没有原始交易
  '30': [setup, 'acquirer', 'safe', false, 'done.acquirer', /格式/], // L 请重试 · J 报文格式错误
  '31': [net, 'acquirer', 'no', false, 'card.other', /不能受理/], // 此卡不能受理 (L has it commented out)
  '33': [card, 'cardholder', 'no', false, 'card.other', /过期/], // 过期卡 (older; 54 today)
  '34': [card, 'issuer', 'no', false, 'done.cardBlocked', /没收/], // L/J 作弊卡,吞卡 · J D
  '35': [card, 'issuer', 'no', false, 'done.cardBlocked', /安全/], // 受卡方与安全保密部门联系（没收）
  '36': [card, 'issuer', 'no', false, 'done.cardBlocked', /受限制/], // 受限制的卡（没收）
  '37': [card, 'issuer', 'no', false, 'done.cardBlocked', /安全/], // 受卡方呼叫受理方安全保密部门（没收）
  '38': [pin, 'issuer', 'no', false, 'done.pinLocked', /次数/], // L/J 密码错误次数超限 · J D
  '39': [acct, 'cardholder', 'no', false, 'card.other', /信用卡账户/], // 无此信用卡账户
  '40': [net, 'issuer', 'no', false, 'card.other', /不支持/], // L/J 发卡方不支持的交易类型
  '41': [card, 'issuer', 'no', false, 'done.cardBlocked', /挂失/], // L/J 挂失卡 · J D
  '42': [acct, 'cardholder', 'no', false, 'card.other', /账户/], // 无此账户
  '43': [card, 'issuer', 'no', false, 'done.cardBlocked', /窃/], // L/J 被窃卡 · J D
  '44': [acct, 'cardholder', 'no', false, 'card.other', /投资账户/], // 无此投资账户
  '45': [reading, 'merchant', 'after-fix', false, 'limit.insert', /芯片/], // J 使用芯片方式读卡 · J D
  '51': [acct, 'cardholder', 'after-fix', false, 'balance.fix', /余额/], // L/J 可用余额不足
  '52': [acct, 'cardholder', 'no', false, 'card.other', /支票账户/], // 无此支票账户
  '53': [acct, 'cardholder', 'no', false, 'card.other', /储蓄/], // 无此储蓄卡账户
  '54': [card, 'cardholder', 'no', false, 'card.other', /过期/], // L/J 该卡已过期
  '55': [pin, 'cardholder', 'after-fix', false, 'pin.retry', /密码/], // L 密码错 · J 密码错误
  '56': [card, 'cardholder', 'no', false, 'card.other', /记录/], // 无此卡记录
  '57': [card, 'issuer', 'no', false, 'card.other', /不允许/], // L/J 不允许此卡交易
  '58': [card, 'issuer', 'no', false, 'card.other', /不允许(这张|该)卡在(这台POS机|本终端)/], // L/J 发卡方不允许该卡在本终端进行此交易 · annex role IS: card side, no sign-on
  '59': [card, 'issuer', 'no', false, 'card.other', /校验/], // L/J 卡片校验错
  '60': [net, 'acquirer', 'no', false, 'done.acquirer', /安全/], // 受卡方与安全保密部门联系
  '61': [amount, 'cardholder', 'after-fix', false, 'limit.cardLimit', /金额限/], // L/J 交易金额超限 · §3.3 issuer
  '62': [card, 'issuer', 'no', false, 'card.other', /受限制/], // L/J 受限制的卡
  '63': [net, 'acquirer', 'no', false, 'done.acquirer', /安全/], // 违反安全保密规定
  '64': [op, 'merchant', 'after-fix', false, 'operator.check', /原交易/], // L/J 交易金额与原交易不匹配
  '65': [amount, 'cardholder', 'after-fix', false, 'limit.cardLimit', /次数/], // L/J 超出消费次数限制
  '66': [net, 'acquirer', 'no', false, 'done.acquirer', /安全/], // 受卡方呼叫受理方安全保密部门
  '67': [card, 'issuer', 'no', false, 'done.cardBlocked', /没收/], // 捕捉（没收卡）
  '68': [net, 'issuer', 'after-fix', true, 'host.wait', /超时/], // L/J 交易超时，请重试 · §1 unknown outcome
  '75': [pin, 'issuer', 'no', false, 'done.pinLocked', /次数/], // L/J 密码错误次数超限
  '77': [setup, 'merchant', 'after-fix', false, 'setup.signOnFix', /批次号/], // J 请重新签到，再作交易 · J D
  '78': [setup, 'merchant', 'after-fix', false, 'setup.signOnFix', /下载/], // H 网络中心需要向POS终端下载数据 (POS-centre; some bank tables: 止付卡)
  '79': [setup, 'acquirer', 'after-fix', false, 'done.acquirer', /脱机/], // H POS终端上传的脱机数据对帐不平 → 重传脱机数据: the POS company's data
  '90': [net, 'issuer', 'safe', false, 'host.cutover', /日切/], // L/J 系统日切，请稍后重试
  '91': [net, 'issuer', 'safe', false, 'host.wait', /发卡/], // L/J 发卡方状态不正常，请稍后重试
  '92': [net, 'issuer', 'safe', false, 'host.wait', /发卡/], // L/J 发卡方线路异常，请稍后重试
  '93': [net, 'issuer', 'after-fix', false, 'card.other', /不能完成/], // 交易违法，不能完成 (legacy)
  '94': [setup, 'merchant', 'after-fix', true, 'host.wait', /重复/], // L/J 重复交易 · §1 unknown outcome
  '95': [setup, 'acquirer', 'after-fix', false, 'done.acquirer', /对账/], // 对账不平 (settlement)
  '96': [net, 'acquirer', 'safe', false, 'host.wait', /银联/], // L/J 交换中心异常，请稍后重试
  '97': [setup, 'acquirer', 'after-fix', false, 'done.acquirer', /终端号/], // L/J 终端未登记 · J D
  '98': [net, 'issuer', 'after-fix', true, 'host.wait', /收.?到发卡行/], // L/J 发卡方超时 · J E · §1 unknown outcome
  '99': [setup, 'merchant', 'after-fix', false, 'setup.signOnFix', /格式/], // L/J PIN格式错，请重新签到 · J B
  A0: [setup, 'merchant', 'after-fix', true, 'setup.signOnFix', /MAC/], // L/J MAC校验错，请重新签到 · §1 reason A0
  A7: [setup, 'acquirer', 'after-fix', false, 'setup.signOnFix', /安全处理/], // L/J 安全处理失败
  C1: [net, 'acquirer', 'safe', false, 'host.wait', /(收单机构|POS公司)的系统/], // annex only: 受理方签退/未签到 (the acquirer's link, not the terminal's sign-on) · like 91/96
  Z1: [card, 'merchant', 'after-fix', false, 'reading.chip', /脱机/], // annex: 脱机交易失败 · kernel sets Z1 on an offline decline: nothing sent · §5 交易拒绝 → insert
  Z3: [link, 'merchant', 'after-fix', true, 'network.signal', /不能联机|没连上银行/], // annex: 不能联机，脱机交易失败 · kernel sets Z3 when the online step got no usable answer: a sent request may be approved
};

/**
 * Where the data still differs from the sources, with today's data value; delete an entry when the data is fixed.
 * Empty since 58 follows the annex (issue 14).
 */
const knownDisagreements: Record<string, Partial<Pick<Fact, 'category' | 'actor' | 'retry'>>> = {};

const facts: Record<string, Fact> = Object.fromEntries(
  Object.entries(table).map(([code, [category, actor, retry, unknownOutcome, step, means]]) => [
    code,
    { category, actor, retry, unknownOutcome, step, means },
  ]),
);
const codes = Object.keys(facts).sort();
const fact = (code: string): Fact => {
  const found = facts[code];
  if (!found) throw new Error(`no hand-written fact for ${code}`);
  return found;
};
const dataOf = (code: string): ResponseCode | undefined => responseCodes.find((entry) => entry.code === code);

describe('every response code, as the sources define it', () => {
  it('the hand-written table covers exactly the codes of the data (70)', () => {
    expect(codes).toHaveLength(70);
    expect(responseCodes.map((entry) => entry.code).sort()).toEqual(codes);
  });

  it.each(codes)('%s: category, who acts, retry advice, unknown outcome and opening step', (code) => {
    const { category, actor, retry, unknownOutcome, step } = fact(code);
    expect(dataOf(code)).toMatchObject({
      code,
      category,
      actor,
      retry,
      unknownOutcome,
      step,
      ...knownDisagreements[code],
    });
  });

  it.each(codes)('%s: means the same in the reference wording and in what the merchant reads', (code) => {
    const { means } = fact(code);
    const reference = sources.find((entry) => entry.code === code);
    expect(reference?.zh, `${code} in response-code-sources.json`).toMatch(means);
    expect(zhCodes[code as keyof typeof zhCodes].meaning, `${code} in content/zh-CN/codes.json`).toMatch(means);
  });

  it('lists each disagreement with the sources only while the data still differs', () => {
    for (const [code, differs] of Object.entries(knownDisagreements)) {
      const { category, actor, retry } = fact(code);
      const fromSources = { category, actor, retry };
      for (const field of Object.keys(differs) as Array<keyof typeof differs>) {
        expect(
          dataOf(code)?.[field],
          `${code}.${field} now matches the sources: drop it from knownDisagreements`,
        ).not.toBe(fromSources[field]);
      }
    }
  });
});

/** Sends a matched code through the real machine, as the home search does; returns the steps it shows. */
function openCode(input: string, answers: readonly string[] = []): string[] {
  const match = matchSymptom(input);
  if (!match) throw new Error(`${input} matched nothing`);
  const actor = createActor(diagnosisMachine).start();
  actor.send({ type: 'symptom.matched', match });
  const steps = [currentStep(actor.getSnapshot())];
  for (const answer of ['continue', ...answers]) {
    sendAll(actor, [{ type: `answer.${answer}` as `answer.${AnswerId}` }]);
    steps.push(currentStep(actor.getSnapshot()));
  }
  actor.stop();
  return steps;
}

const givesAdvice = (step: string) => step !== 'home' && ['remedy', 'outcome'].includes(stepInfo(step as StepId).kind);

/** How people write a code on the search box (same forms as the symptom table). */
const codeForms = [
  (code: string) => code,
  (code: string) => `应答码${code}`,
  (code: string) => `返回码：${code}`,
  (code: string) => `错误码 ${code.toLowerCase()}`,
  (code: string) => code.replace(/[0-9A-Z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)),
  (code: string) => `response code ${code}`,
  (code: string) => `小票上写着 应答码:${code} 交易失败`,
];

const textOf = (locale: Record<string, { meaning: string; advice: string }>, code: string) =>
  `${locale[code]?.meaning ?? ''} ${locale[code]?.advice ?? ''}`;
const locales = {
  'zh-CN': { content: zhCodes as Record<string, { meaning: string; advice: string }>, balance: /余额|没钱|钱不够/ },
  'zh-Hant': { content: hantCodes as Record<string, { meaning: string; advice: string }>, balance: /餘額|沒錢|錢不夠/ },
  en: {
    content: enCodes as Record<string, { meaning: string; advice: string }>,
    balance: /balance|no money|insufficient|funds/i,
  },
};

describe('the rules every code follows (properties)', () => {
  it('only 51 talks about balance, in every language', () => {
    for (const [locale, { content, balance }] of Object.entries(locales)) {
      for (const code of codes) {
        expect(balance.test(textOf(content, code)), `${locale} ${code}`).toBe(code === '51');
      }
    }
  });

  it('every code that can leave the outcome unknown goes to the status check first, however it is written', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.constantFrom(...codeForms), (code, form) => {
        const steps = openCode(form(code));
        expect(steps[0]).toBe('lookup.code');
        if (fact(code).unknownOutcome) {
          expect(steps[1], `${code} opens the status check`).toBe('safety.query');
          // Once the check finds nothing and the reversal went through, the code's own branch opens.
          expect(openCode(form(code), ['notFound', 'reversalOk']).at(-1)).toBe(fact(code).step);
        } else {
          expect(steps[1], `${code} opens its branch`).toBe(fact(code).step);
        }
      }),
      { numRuns: 300 },
    );
    // And the set is exactly the one the domain reference names (§1), not whatever the data says; Z3 joins it
    // because the chip kernel sets it when a sent request got no usable answer (a timeout is an unknown outcome).
    expect(codes.filter((code) => fact(code).unknownOutcome)).toEqual(['09', '68', '94', '98', 'A0', 'Z3']);
  });

  it('no code gives advice before the status check when its outcome is unknown', () => {
    for (const code of codes.filter((c) => fact(c).unknownOutcome)) {
      const steps = openCode(code);
      const check = steps.indexOf('safety.query');
      expect(check, code).toBeGreaterThan(0);
      expect(steps.slice(0, check).filter(givesAdvice), code).toEqual([]);
    }
  });

  it('lost, stolen and pick-up cards end calmly: no retry, no confrontation, no keeping the card on a whim', () => {
    const pickUp = ['04', '07', '34', '35', '36', '37', '41', '43', '67'];
    expect(codes.filter((code) => fact(code).step === 'done.cardBlocked')).toEqual(pickUp);
    const calm = {
      'zh-CN': /(别|不要)[^。]{0,8}(质问|争执)/,
      'zh-Hant': /(別|不要)[^。]{0,8}(質問|爭執)/,
      en: /do not (argue|question)/i,
    };
    for (const code of pickUp) {
      expect(fact(code).retry, code).toBe('no');
      // Straight to the outcome: no question in between that could lead to "try again" or "ask the customer".
      expect(openCode(code), code).toEqual(['lookup.code', 'done.cardBlocked']);
      for (const [locale, { content }] of Object.entries(locales)) {
        const text = textOf(content, code);
        expect(text, `${locale} ${code}`).not.toMatch(/报警|報警|police|质问他|質問他/i);
        if (['04', '34', '41', '43'].includes(code))
          expect(text, `${locale} ${code}`).toMatch(calm[locale as keyof typeof calm]);
      }
    }
    expect(stepInfo('done.cardBlocked').escalateTo).toBe('issuer');
  });

  it('retry is "safe" only for transient refusals, and never when the outcome may be unknown', () => {
    // Domain README §3.10 and the notes: 90/91/92/96 wait and retry; 19 re-read once; 30 one retry; C1 (the
    // acquirer's own link to UnionPay) waits like 96.
    const transient = ['19', '30', '90', '91', '92', '96', 'C1'];
    expect(codes.filter((code) => fact(code).retry === 'safe')).toEqual(transient);
    for (const code of codes) {
      const { retry, unknownOutcome, category, actor } = fact(code);
      if (retry !== 'safe') continue;
      expect(unknownOutcome, code).toBe(false);
      expect(['card_state', 'balance_account', 'cardholder_verification'], code).not.toContain(category);
      expect(actor, code).not.toBe('cardholder');
    }
    // "Do not use this card again" never opens a step that has the card tried again.
    for (const code of codes.filter((c) => fact(c).retry === 'no')) {
      expect(['card.other', 'done.cardBlocked', 'done.pinLocked', 'done.acquirer'], code).toContain(fact(code).step);
    }
  });
});

describe('a broken response-codes.json', () => {
  const fields = {
    code: '5',
    category: 'money',
    actor: 'bank',
    retry: 'maybe',
    status: 'iso',
    conflict: 'no',
    step: 'balance.nowhere',
    unknownOutcome: 'yes',
  } as const;

  const broken = (code: string, change: (entry: Record<string, unknown>) => void) =>
    (rawCodes as Array<Record<string, unknown>>).map((entry) => {
      const copy = { ...entry };
      if (copy.code === code) change(copy);
      return copy;
    });

  it('loads as it is', () => {
    expect(parseResponseCodes(rawCodes).map((entry) => entry.code)).toEqual(rawCodes.map((entry) => entry.code));
  });

  it.each(Object.entries(fields))('fails at load naming "%s" when it holds a wrong value', (field, value) => {
    const index = rawCodes.findIndex((entry) => entry.code === '51');
    const name = field === 'code' ? '"5"' : '"51"';
    expect(() => parseResponseCodes(broken('51', (entry) => (entry[field] = value)))).toThrow(
      `response-codes.json: entry ${index} (code ${name}) has a missing or invalid "${field}"`,
    );
  });

  it.each(Object.keys(fields))('fails at load naming "%s" when it is missing', (field) => {
    expect(() => parseResponseCodes(broken('A0', (entry) => delete entry[field]))).toThrow(`invalid "${field}"`);
  });

  it('fails at load on a code listed twice, and on a file that is not a list', () => {
    expect(() => parseResponseCodes([...rawCodes, rawCodes[0]])).toThrow('code 01 appears twice');
    expect(() => parseResponseCodes({ codes: rawCodes })).toThrow('expected an array of codes');
  });
});
