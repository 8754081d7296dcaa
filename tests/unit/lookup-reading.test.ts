import { describe, expect, it } from 'vitest';
import { concepts } from '../../src/domain/lookup/lexicon.ts';
import { confirmingQuestion } from '../../src/domain/diagnosis/steps.ts';
import { matchByRules, matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import { text } from '../support/content.ts';

const read = (input: string) => matchSymptom(input);

describe('the lookup tolerates real writing', () => {
  it.each(['未能读取卡片', '无法读卡', '不能读取这张卡', '没有读到卡', '读不出来'])(
    'reads %s as a read failure',
    (input) => {
      expect(read(input)).toMatchObject({ category: 'reading_physical', unknownOutcome: false });
    },
  );

  it('folds typos and near-homophones of key words', () => {
    expect(read('读卡失贩')).toMatchObject({ message: 'readFailed' });
    expect(read('连机超时')).toMatchObject({ category: 'network', unknownOutcome: true });
    expect(read('insuficient funds')).toMatchObject({ category: 'balance_account' });
  });

  it('reads traditional characters, full-width forms and upper-case terminal lines', () => {
    expect(read('讀卡失敗')).toMatchObject({ message: 'readFailed' });
    expect(read('ＤＥＣＬＩＮＥＤ　０５')).toMatchObject({ code: '05', via: 'code' });
    expect(read('DECLINED 05 DO NOT HONOUR')).toMatchObject({ code: '05', category: 'issuer_acquirer_host' });
    expect(read('TRAN DECLINED 91 ISSUER NOT AVAILABLE')).toMatchObject({ code: '91' });
  });

  it('reads English with stems, British spellings and paraphrases', () => {
    expect(read('contactless card was not authorised')).toMatchObject({ category: 'card_state' });
    expect(read('chip required')).toMatchObject({ step: 'limit.insert' });
    expect(read('tap not accepted')).toMatchObject({ category: 'amount_limit' });
    expect(read('PIN required for this amount')).toMatchObject({ step: 'limit.check' });
    expect(read('limit exceeded, use the card reader')).toMatchObject({ category: 'amount_limit' });
    expect(read('the reader keeps declining cards')).toMatchObject({ category: 'card_state' });
  });

  it('lets a gap stand between the words of a phrase, but not a negation', () => {
    expect(read('手机上已经显示支付成功了，终端却没反应')).toMatchObject({ unknownOutcome: true });
    // The rules read no open outcome into a negated success; the learned reading beside them may still add the
    // status check (the safe direction: one check more, never one less).
    expect(matchByRules('手机没成功')).not.toMatchObject({ unknownOutcome: true });
    expect(read('手机没成功')).toMatchObject({ category: 'phone_wallet', code: null });
  });
});

describe('one scoring step for every piece of evidence', () => {
  it('lets specific words outrank a generic 交易失败 or an acquirer’s private code', () => {
    expect(read('苹果手机付款 交易失败')).toMatchObject({ category: 'phone_wallet' });
    expect(read('提示U9 交易失败 商户状态异常')).toMatchObject({ category: 'terminal_setup', code: null });
    expect(read('E1 连接主机超时')).toMatchObject({ message: 'commTimeout', code: null, unknownOutcome: true });
  });

  it('settles ties by specificity and position, not by the order of the lexicon', () => {
    expect(read('商户限制交易')).toMatchObject({ concept: 'merchantRestricted' });
    expect(read('交易受限')).toMatchObject({ category: 'card_state' });
  });

  it('reads a contradiction about the payment as an unknown outcome', () => {
    for (const input of [
      'failed on the screen but the money was taken',
      'declined, then it went through',
      '刷卡失败但是钱扣了',
      '交易被拒后来又成功了',
      "customer's phone shows a tick, the terminal shows nothing",
      '顾客手机显示支付成功，终端什么都没显示',
      'POS机交易失败会扣钱吗',
    ]) {
      expect(read(input), input).toMatchObject({ unknownOutcome: true });
    }
  });

  it('never sends a sign-on or settlement failure to the status check', () => {
    expect(read('签到的时候通讯超时')).toMatchObject({ step: 'setup.signOnFix', unknownOutcome: false });
    expect(read('POS机签到显示通讯超时')).toMatchObject({ step: 'setup.signOnFix', unknownOutcome: false });
    expect(read('批结算时提示连接超时')).toMatchObject({ step: 'setup.settleFix', unknownOutcome: false });
    expect(read('connection timed out during settlement')).toMatchObject({ unknownOutcome: false });
    expect(read('签到失败 交易失败')).toMatchObject({ category: 'terminal_setup', unknownOutcome: false });
    // A payment after the sign-on still can time out with the money gone.
    expect(read('签到成功了，刷卡的时候超时了')).toMatchObject({ unknownOutcome: true });
  });

  it('never sends a timeout while the customer enters the PIN to the status check: nothing was sent yet', () => {
    for (const input of ['Waiting for the PIN timed out', 'PIN entry timed out', '输密码超时了', '顾客输入密码超时']) {
      expect(read(input), input).toMatchObject({ category: 'cardholder_verification', unknownOutcome: false });
    }
    expect(read('交易超时')).toMatchObject({ unknownOutcome: true });
  });

  it('takes only an established 51 as a balance problem: a guess asks first', () => {
    for (const input of ['maybe no money on it', '可能是余额不足吧', '卡里可能没钱了', '顾客说卡里钱不够']) {
      expect(read(input), input).toMatchObject({ category: 'balance_account', step: 'balance.check', code: null });
    }
    expect(read('应答码51')).toMatchObject({ step: 'balance.fix', code: '51' });
    expect(read('屏幕显示余额不足')).toMatchObject({ step: 'balance.fix' });
  });
});

describe('what is not about a payment that went wrong', () => {
  it('opens no branch for fees, payouts, applying, settings or how-to questions', () => {
    for (const input of [
      'pos机费率是多少',
      '刷卡手续费怎么算',
      '个人怎么申请pos机',
      'pos机押金能退吗',
      '多久到账',
      'How do I get paid once I have processed a card?',
      'what is the fee per transaction',
      'how to set up receipt header and footer',
      '闪付怎么使用',
    ]) {
      expect(read(input), input).toBeNull();
    }
  });

  it('still reads the trouble told alongside such a question', () => {
    expect(read('手续费扣了两次')).toMatchObject({ unknownOutcome: true });
    expect(read('申请的新机器签到失败')).toMatchObject({ category: 'terminal_setup' });
    expect(read('how to fix a declined card')).toMatchObject({ category: 'card_state' });
    expect(read('费率 51')).toMatchObject({ code: '51' });
  });
});

describe('synonyms read as one', () => {
  it('takes the names of the terminal and of a decline as the words the lexicon uses', () => {
    expect(read('the PDQ froze')).toMatchObject({ concept: 'terminalFroze' });
    expect(read('the pin pad is frozen')).toMatchObject({ concept: 'terminalFroze' });
    expect(read('card rejected')?.category).toBe(read('card declined')?.category);
    expect(read('收款机卡住了')).toMatchObject({ concept: 'terminalFroze' });
    expect(read('刷卡机电量不足')).toMatchObject({ step: 'setup.power', unknownOutcome: false });
  });
});

describe('hostile input', () => {
  it('is never matched and never echoed', () => {
    const hostile = [
      '<script>alert("请插卡")</script>',
      '<img src=x onerror=alert(51)>',
      `${'x'.repeat(100_000)}请插卡`,
      '6222 0212 3456 7890',
      '卡号 6222021234567894',
      '\u202e\u200b\u0000☃︎🀄️💳',
      Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x1f300 + i)).join(''),
    ];
    for (const input of hostile) {
      const match = read(input);
      expect(match, input.slice(0, 40)).toBeNull();
    }
    const withCard = read('卡号 6222 0212 3456 7894 显示51');
    expect(JSON.stringify(withCard)).not.toMatch(/6222|7894/);
  });
});

describe('reading that carries over to writing nobody has seen', () => {
  it('takes every form of a Chinese negation as one', () => {
    expect(read('没有收到应答')).toMatchObject({ category: 'network', unknownOutcome: true });
    expect(read('未收到应答')).toMatchObject({ category: 'network', unknownOutcome: true });
    expect(read('连续输入错误三次就被锁了')).toMatchObject({ step: 'done.pinLocked' });
  });

  it('reads English phrases with a word between and turned round', () => {
    expect(read('The card is invalid. Try another card')).toMatchObject({ category: 'card_state' });
    expect(read('the card has been blocked')).toMatchObject({ category: 'card_state' });
    expect(read('the reader detected multiple contactless cards')).toMatchObject({ step: 'reading.placement' });
    expect(read('insert your card')).toMatchObject({ step: 'limit.insert' });
    // A phrase kept tight: "received an error" is not the terminal's RECEIVE ERROR.
    expect(read('I received an error code 05')).toMatchObject({ code: '05', unknownOutcome: false });
  });

  it('does not take a printed English message said after a negation', () => {
    expect(read("the reader doesn't pick up the card")).toMatchObject({ category: 'reading_physical' });
  });

  it('never sends a wait for the card to the status check', () => {
    for (const input of [
      'TIMEOUT: waiting for the card to be tapped',
      'onReturnTransactionResult(TIMEOUT): the terminal times out while waiting for the card to be tapped',
      '等待挥卡超时',
      '读卡超时了',
    ])
      expect(read(input), input).toMatchObject({
        step: 'reading.placement',
        unknownOutcome: false,
        concept: 'cardEntry',
      });
    expect(read('交易超时')).toMatchObject({ unknownOutcome: true });
  });

  it('keeps a sign-on or settlement phase over a bare afterword, not over a sale', () => {
    expect(read('settlement failed, timeout')).toMatchObject({ category: 'terminal_setup', unknownOutcome: false });
    expect(read('签到失败，超时')).toMatchObject({ category: 'terminal_setup', unknownOutcome: false });
    expect(read('签到成功，交易超时')).toMatchObject({ unknownOutcome: true });
  });

  it("reads a card-state word said of the merchant as the merchant's restriction", () => {
    expect(read("'Merchant Not Activated' — merchant account setup incomplete")).toMatchObject({
      step: 'done.merchantRestricted',
    });
    expect(read('商家被冻结了')).toMatchObject({ step: 'done.merchantRestricted' });
    expect(read('顾客的卡被冻结')).toMatchObject({ step: 'card.other' });
  });

  it('hears an open outcome however it is told', () => {
    for (const input of [
      'the payment is still processing on the terminal',
      'the terminal said no response received',
      'connection lost after sending',
      'did the payment go through?',
      'the payment may have been processed',
      'the terminal says approved but the POS says cancelled',
      '显示交易状态未知',
      '请查询交易结果',
      '掉单了',
      '掉單了',
      'POS机显示凭证号是支付成功吗',
    ])
      expect(read(input), input).toMatchObject({ unknownOutcome: true });
  });
});

describe('what was understood', () => {
  it('has a label and a meaning for every concept the words can land on, in every language', () => {
    for (const locale of ['zh-CN', 'en', 'zh-Hant']) {
      for (const id of [...concepts.map((concept) => concept.id), 'outcomeConflict', 'pinEntry', 'cardEntry']) {
        expect(text(locale, 'lookup', `concepts.${id}.label`)).not.toBe('');
        expect(text(locale, 'lookup', `concepts.${id}.meaning`)).not.toBe('');
      }
    }
  });

  it('names the concept only when words made the match', () => {
    expect(read('手机付不了')).toMatchObject({ via: 'words', concept: 'phone' });
    expect(read('请插卡')).not.toHaveProperty('concept');
  });
});

describe('words and the issue-14 steps', () => {
  it('never open a step only a code or screen message may open, nor "charged twice"', () => {
    for (const concept of concepts) {
      expect(Object.keys(confirmingQuestion), concept.id).not.toContain(concept.step);
      expect(concept.step, concept.id).not.toBe('done.doubleCharge');
    }
  });

  it('keep the status check first when a receipt did not print, whatever cause wins', () => {
    expect(read('打印机没纸了')).toMatchObject({ step: 'setup.printer', unknownOutcome: true });
    expect(read('网络问题，打印不出小票')).toMatchObject({ unknownOutcome: true });
    expect(read('超时了，小票也没出')).toMatchObject({ step: 'network.signal', unknownOutcome: true });
  });

  it('tell the card side from the POS side', () => {
    expect(read('这张卡不支持闪付')).toMatchObject({ step: 'reading.noMark' });
    expect(read('POS机不支持闪付')).toMatchObject({ step: 'setup.contactless' });
    expect(read('卡被冻结了')).toMatchObject({ step: 'card.other' });
    expect(read('商户被冻结了')).toMatchObject({ step: 'done.merchantRestricted' });
    expect(read('终端不存在')).toMatchObject({ step: 'done.acquirer' });
    expect(read('超过闪付限额，要插卡')).toMatchObject({ step: 'limit.insert' });
    expect(read('超过单笔限额')).toMatchObject({ step: 'limit.cardLimit' });
    expect(read('Mastercard network is down')).toMatchObject({ step: 'host.wait' });
  });
});
