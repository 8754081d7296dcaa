import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import enCommon from '../../content/en/common.json';
import enSteps from '../../content/en/steps.json';
import enSummary from '../../content/en/summary.json';
import zhCommon from '../../content/zh-CN/common.json';
import zhSteps from '../../content/zh-CN/steps.json';
import zhSummary from '../../content/zh-CN/summary.json';
import { buildCaseSummary, isResolved, type CaseSummary } from '../../src/domain/case/case-summary.ts';
import { readCaseSummary } from '../../src/persistence/stored-summary.ts';
import { renderCaseSummary, renderTicket } from '../../src/ui/case-summary-text.ts';
import type { Translate } from '../../src/ui/content.ts';
import { currentStep } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { cardMask, containsCardNumber } from '../../src/domain/case/redact.ts';
import type { AnswerId } from '../../src/domain/diagnosis/flow.ts';
import { replay, type Scripted } from '../support/replay.ts';
import { stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';

const card = '6222 0212 3456 7894';
const started = Date.UTC(2026, 10, 25, 9, 45);
const ended = Date.UTC(2026, 10, 25, 9, 52);

/** Runs the real machine through what a merchant answered. */
function diagnose(events: readonly Scripted[]) {
  const actor = replay(events);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { context: snapshot.context, currentStep: currentStep(snapshot) };
}

/** Short codes come from the registry: they are stable for users, but not ours to hard-code here. */
const code = (step: StepId) => stepInfo(step).code;
const answer = (id: AnswerId): Scripted => ({ type: `answer.${id}` });

/** Every card fails, the network fix did not help, other devices are online: call the acquirer. */
const networkPath: Scripted[] = [
  { type: 'diagnosis.start' },
  answer('declined'),
  answer('all'),
  answer('problem'),
  answer('notFixed'),
  answer('yes'),
];

const codeMatch: SymptomMatch = {
  category: 'balance_account',
  code: '51',
  message: null,
  step: 'balance.fix',
  unknownOutcome: false,
  via: 'code',
};

function summaryOf(events: readonly Scripted[], fields: Record<string, string> = {}): CaseSummary {
  return buildCaseSummary({
    ...diagnose(events),
    startedAt: started,
    endedAt: ended,
    fields,
    appVersion: '0.1.0',
    contentVersion: 'c1',
  });
}

async function translator(language: 'zh-CN' | 'en'): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: {
      'zh-CN': {
        common: zhCommon,
        steps: zhSteps,
        summary: zhSummary,
        codes: { '51': { meaning: '余额不足' } },
      },
      en: {
        common: enCommon,
        steps: enSteps,
        summary: enSummary,
        codes: { '51': { meaning: 'Not enough funds' } },
      },
    },
    interpolation: { escapeValue: false },
  });
  // Keys are built at run time, outside the typed resources.
  return (key, values) => String(instance.t(key as never, values as never));
}

/** Shows which key was asked for with which values, so structure is tested without any content. */
const keysOnly: Translate = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);

describe('buildCaseSummary', () => {
  it('records how the diagnosis went: answers, remedies tried, the outcome and who to call', () => {
    const summary = summaryOf(networkPath);
    expect(summary).toEqual({
      startedAt: '2026-11-25T09:45:00.000Z',
      endedAt: '2026-11-25T09:52:00.000Z',
      how: { via: 'guided', code: null, message: null },
      answers: [
        { step: 'gate.charged', stepCode: code('gate.charged'), answer: 'declined' },
        { step: 'scope.cards', stepCode: code('scope.cards'), answer: 'all' },
        { step: 'network.signal', stepCode: code('network.signal'), answer: 'problem' },
        { step: 'network.otherDevices', stepCode: code('network.otherDevices'), answer: 'yes' },
      ],
      remediesTried: [{ step: 'network.fix', stepCode: code('network.fix'), result: 'notFixed' }],
      jumps: [],
      note: null,
      outcome: { step: 'done.acquirer', stepCode: code('done.acquirer'), escalateTo: 'acquirer' },
      currentStep: 'done.acquirer',
      currentStepCode: code('done.acquirer'),
      fields: {},
      appVersion: '0.1.0',
      contentVersion: 'c1',
    });
    expect(isResolved(summary)).toBe(false);
  });

  it("shows a step opened by code and the agent's note, masked, in the text and the ticket, and never reads the note back", async () => {
    const summary = buildCaseSummary({
      ...diagnose([
        { type: 'diagnosis.start' },
        answer('declined'),
        { type: 'step.open', step: 'network.fix', from: 'scope.cards' },
        answer('notFixed'),
      ]),
      startedAt: started,
      note: 'caller read 6222 0212 3456 7894 aloud',
      appVersion: '0.1.0',
      contentVersion: 'c1',
    });
    expect(summary.jumps).toEqual([{ step: 'network.fix', stepCode: code('network.fix'), afterAnswers: 1 }]);
    expect(summary.note).toBe(`caller read ${cardMask} aloud`);
    const t = await translator('en');
    const text = renderCaseSummary(summary, t);
    expect(text).toContain(enSummary.jumpsTitle);
    expect(text).toContain(`[${code('network.fix')}]`);
    expect(text).toContain(`caller read ${cardMask} aloud`);
    const ticket = renderTicket(summary, t);
    expect(ticket).toContain(`${enSummary.ticket.labels.jumps}: [${code('network.fix')}]`);
    expect(ticket).toContain(`${enSummary.ticket.labels.note}: caller read ${cardMask} aloud`);
    expect(containsCardNumber(text) || containsCardNumber(ticket)).toBe(false);
    const stored = readCaseSummary(JSON.parse(JSON.stringify(summary)));
    expect(stored?.jumps).toEqual(summary.jumps);
    expect(stored?.note).toBeNull();
  });

  it('has no outcome while the diagnosis is still running, and knows a fix at the counter is resolved', () => {
    const running = summaryOf(networkPath.slice(0, 4));
    expect(running.outcome).toBeNull();
    expect(running.currentStep).toBe('network.fix');
    expect(running.currentStepCode).toBe(code('network.fix'));
    const fixed = summaryOf([...networkPath.slice(0, 4), answer('fixed')]);
    expect(fixed.outcome).toEqual({ step: 'done.resolved', stepCode: code('done.resolved'), escalateTo: null });
    expect(isResolved(fixed)).toBe(true);
  });

  it('says when the diagnosis started from a response code', () => {
    const summary = summaryOf([{ type: 'symptom.matched', match: codeMatch }, answer('continue')]);
    expect(summary.how).toEqual({ via: 'code', code: '51', message: null });
    expect(summary.answers).toEqual([{ step: 'lookup.code', stepCode: code('lookup.code'), answer: 'continue' }]);
    expect(summary.currentStep).toBe('balance.fix');
  });

  it('keeps only valid fields, never a card number typed into one', () => {
    const summary = summaryOf(networkPath, {
      merchantId: card,
      terminalId: '1234 5678',
      cardLast4: card,
      amount: '１２.５',
      reference: `ref ${card}`,
    });
    expect(summary.fields).toEqual({ terminalId: '12345678', amount: '12.50' });
    expect(containsCardNumber(JSON.stringify(summary))).toBe(false);
  });

  it('stores times as ISO strings and an invalid time as null', () => {
    const summary = buildCaseSummary({
      ...diagnose([]),
      startedAt: Number.NaN,
      appVersion: '0.1.0',
      contentVersion: 'c1',
    });
    expect(summary.startedAt).toBeNull();
    expect(summary.endedAt).toBeNull();
    expect(summary.currentStep).toBe('home');
    expect(summary.currentStepCode).toBeNull();
  });
});

describe('renderCaseSummary', () => {
  it('asks content for every label, step title, answer and escalation', () => {
    const summary = summaryOf(networkPath, { terminalId: '12345678', reference: '000123', cardLast4: '7894' });
    const lines = renderCaseSummary(summary, keysOnly).split('\n');
    expect(lines).toEqual([
      'summary:title',
      'summary:started {"time":"2026-11-25T09:45:00.000Z"}',
      'summary:ended {"time":"2026-11-25T09:52:00.000Z"}',
      'summary:via.guided',
      '',
      'summary:answersTitle',
      `summary:answer {"code":"${code('gate.charged')}","question":"steps:gate.charged.title {\\"code\\":\\"\\"}","answer":"steps:gate.charged.options.declined {\\"code\\":\\"\\"}"}`,
      `summary:answer {"code":"${code('scope.cards')}","question":"steps:scope.cards.title {\\"code\\":\\"\\"}","answer":"steps:scope.cards.options.all {\\"code\\":\\"\\"}"}`,
      `summary:answer {"code":"${code('network.signal')}","question":"steps:network.signal.title {\\"code\\":\\"\\"}","answer":"steps:network.signal.options.problem {\\"code\\":\\"\\"}"}`,
      `summary:answer {"code":"${code('network.otherDevices')}","question":"steps:network.otherDevices.title {\\"code\\":\\"\\"}","answer":"steps:network.otherDevices.options.yes {\\"code\\":\\"\\"}"}`,
      '',
      'summary:remediesTitle',
      `summary:remedy {"code":"${code('network.fix')}","remedy":"steps:network.fix.title {\\"code\\":\\"\\"}","result":"summary:result.notFixed"}`,
      '',
      `summary:outcome {"code":"${code('done.acquirer')}","outcome":"steps:done.acquirer.title {\\"code\\":\\"\\"}"}`,
      'summary:escalation {"who":"common:escalateTo.acquirer"}',
      '',
      'summary:fieldsTitle',
      'summary:fields.terminalId {"value":"12345678"}',
      'summary:fields.cardLast4 {"value":"7894"}',
      'summary:fields.voucher {"value":"000123"}',
      '',
      'summary:version {"app":"0.1.0","content":"c1"}',
    ]);
  });

  it('reads as plain Chinese text for a support agent', async () => {
    const summary = summaryOf([{ type: 'symptom.matched', match: codeMatch }, answer('continue'), answer('notFixed')], {
      merchantId: '898812415868344',
      amount: '88',
    });
    const text = renderCaseSummary(summary, await translator('zh-CN'));
    expect(text).toContain('TapFix 挥卡诊断 · 排查记录');
    expect(text).toContain('开始方式：应答码 51（余额不足）');
    expect(text).toContain(`[${code('lookup.code')}] 应答码 51 → 按这个方向继续排查`);
    expect(text).toContain(`[${code('balance.fix')}] `);
    expect(text).toContain('→ 没解决');
    expect(text).toContain(`尚未查完，停在：[${code('network.signal')}]`);
    expect(text).toContain('商户号：898812415868344');
    expect(text).toContain('金额：88.00 元');
    expect(text).toMatch(/开始时间：2026年11月25日/);
    expect(text).not.toMatch(/summary:|steps:|common:/);
  });

  it('reads as plain English text, with the escalation named', async () => {
    const text = renderCaseSummary(summaryOf(networkPath), await translator('en'));
    expect(text).toContain(`Result: [${code('done.acquirer')}]`);
    expect(text).toContain(`Next, call: ${enCommon.escalateTo.acquirer}`);
    expect(text).not.toMatch(/summary:|steps:|common:/);
  });

  it('shows an accepted 商户号 as typed even when it passes the Luhn check, and masks everything else', async () => {
    const merchantId = '898906828836075';
    const leaky: Translate = (key, values) =>
      key === 'summary:notStarted' || key === 'summary:title' ? `卡号 ${card}` : keysOnly(key, values);
    const summary = summaryOf(networkPath, { merchantId, terminalId: '12345678' });
    const text = renderCaseSummary(summary, leaky);
    expect(text).toContain(`summary:fields.merchantId {"value":"${merchantId}"}`);
    expect(text.split('\n')[0]).toBe(`卡号 ${cardMask}`);
    expect(text).not.toContain(card);

    const zh = renderCaseSummary(summary, await translator('zh-CN'));
    expect(zh).toContain(`商户号：${merchantId}`);
    expect(zh).toContain('终端号：12345678');
  });

  it('shows no field line for a value the field would refuse, whatever the summary holds', () => {
    const forged: CaseSummary = { ...summaryOf(networkPath), fields: { cardLast4: card, amount: '-1' } };
    const text = renderCaseSummary(forged, keysOnly);
    expect(text).not.toContain('summary:fields');
    expect(text).not.toContain('summary:fieldsTitle');
  });

  it('masks a card number even if one reaches the text some other way', () => {
    const leaky: Translate = (key, values) => (key === 'summary:title' ? `卡号 ${card}` : keysOnly(key, values));
    const text = renderCaseSummary(summaryOf(networkPath), leaky);
    expect(text.split('\n')[0]).toBe(`卡号 ${cardMask}`);
    expect(containsCardNumber(text)).toBe(false);
  });
});

describe('readCaseSummary', () => {
  it('reads back what was stored as JSON', () => {
    const summary = summaryOf(networkPath, { terminalId: '12345678' });
    expect(readCaseSummary(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  it('refuses a summary naming a step this build no longer has, or of the wrong shape', () => {
    const stored = JSON.parse(JSON.stringify(summaryOf(networkPath))) as Record<string, unknown>;
    expect(readCaseSummary({ ...stored, currentStep: 'network.gone' })).toBeNull();
    expect(readCaseSummary({ ...stored, answers: [{ step: 'gate.gone', stepCode: 'G9', answer: 'yes' }] })).toBeNull();
    expect(readCaseSummary({ ...stored, how: { via: 'magic', code: null, message: null } })).toBeNull();
    expect(readCaseSummary({ ...stored, startedAt: 1764063900000 })).toBeNull();
    expect(readCaseSummary('nonsense')).toBeNull();
    expect(readCaseSummary(null)).toBeNull();
  });

  it('drops a stored card number from the fields', () => {
    const stored = JSON.parse(JSON.stringify(summaryOf(networkPath))) as Record<string, unknown>;
    const read = readCaseSummary({ ...stored, fields: { cardLast4: card, terminalId: '12345678' } });
    expect(read?.fields).toEqual({ terminalId: '12345678' });
  });
});
