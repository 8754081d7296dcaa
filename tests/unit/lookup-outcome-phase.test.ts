import { describe, expect, it } from 'vitest';
import { matchByRules, matchSymptom } from '../../src/domain/lookup/symptoms.ts';

const read = (text: string) => {
  const got = matchSymptom(text);
  return got === null ? null : { category: got.category, unknownOutcome: got.unknownOutcome };
};

describe('the lookup reads contracted negations', () => {
  // "wouldn't", "don't", "couldn't" are the same "not" as the forms the lexicon is written in.
  it('reads a contraction the way it reads the form the lexicon names', () => {
    expect(matchSymptom("the card wouldn't go through")?.message).toBe('transactionFailed');
    expect(read('my reader wouldnt charge')).toEqual(read("my reader won't charge"));
    expect(read("my reader won't charge")).toEqual({ category: 'terminal_setup', unknownOutcome: false });
  });
});

describe('a line or terminal lost in the payment phase is an unknown outcome', () => {
  it('after the card is read or the PIN is entered, money may have moved', () => {
    for (const text of [
      'lost connection after the card was read',
      'the terminal froze after the customer entered her PIN',
      'machine went blank after she tapped',
      '挥卡后断网了',
      '输完密码机器就死机了',
    ])
      expect(read(text)?.unknownOutcome, text).toBe(true);
  });

  it('while waiting for the card, or at sign-on or settlement, nothing was sent', () => {
    expect(read('lost connection while waiting for the card')).toEqual({
      category: 'reading_physical',
      unknownOutcome: false,
    });
    expect(read('签到的时候断网了')).toEqual({ category: 'terminal_setup', unknownOutcome: false });
    // A bare afterword of two English words keeps the sign-on's phase, as a short Chinese one does.
    expect(read('sign on failed, connection timeout')).toEqual({ category: 'terminal_setup', unknownOutcome: false });
  });
});

describe('money shown taken or pending against a failure is an unknown outcome', () => {
  it('flags a charge the customer sees, a double charge and a till with no record', () => {
    for (const text of [
      'declined but it shows as pending on her statement',
      'POS机显示交易失败，但资金却已经从客户账户中扣除',
      'our customer says we charged their card twice',
      'the terminal says approved but the till has no record of it',
      "the customer has paid but the POS doesn't recognise the payment",
      'the sale ended with success, then an error saying it was cancelled',
    ])
      expect(read(text)?.unknownOutcome, text).toBe(true);
  });

  // Guards against false alarms: money words that say nothing about this payment's outcome.
  it('does not flag a balance left on the card, a card put on hold or advice to look at the bank app', () => {
    expect(read('declined, the card is on hold')?.unknownOutcome).toBe(false);
    expect(read('declined, not enough money left on the card')).toEqual({
      category: 'balance_account',
      unknownOutcome: false,
    });
    expect(read('declined, ask the customer to check their bank app')?.unknownOutcome).toBe(false);
  });
});

describe('the outcome signals generalise beyond the tuned phrases', () => {
  // Written for this test, in the shapes the brief lists: money taken, shown in an app, an SMS, a double charge, a
  // terminal lost after the card or PIN, no receipt, "not sure", "still processing"; in both languages.
  it('flags each shape of an unknown outcome', () => {
    for (const text of [
      'she says the money came out of her account but we got no approval',
      'the customer got an SMS from the bank saying he paid, the terminal said failed',
      "it shows on the customer's app but not on our terminal",
      'the charge went through on his card but our screen says not approved',
      'we ran it twice and she got charged both times',
      'wifi went down right after the customer tapped',
      'the screen went black after the card was inserted and the pin entered',
      'lost signal while it was processing',
      'nothing printed after the payment',
      "don't know if the payment worked",
      'still says authorising',
      '顾客说钱已经扣了，我这边没成功',
      '插卡输密码之后突然黑屏',
      '云闪付显示支付成功，机器显示失败',
      'took the money but said failed',
      'the till says paid but the terminal says declined',
      'the bank says the money is on hold but our terminal said failed',
      "can't tell if it charged her",
      "the screen says processing and won't move",
      '交易一直在处理中，半天没反应',
      '顾客说银行卡里的钱被冻结了，机器显示失败',
    ])
      expect(read(text)?.unknownOutcome, text).toBe(true);
  });

  // A success told of a retry with another card or cash is that retry's: the failed payment's outcome is clear.
  it('does not read a retry with another card or cash as the failed payment going through', () => {
    for (const text of [
      'first card declined, second card approved',
      'declined, insufficient funds, she tried another card and it was approved',
      '第一张卡被拒，换了一张卡成功了',
    ])
      expect(read(text)?.unknownOutcome, text).toBe(false);
  });
});

describe('payout and how-long questions', () => {
  it('match nothing when nothing went wrong', () => {
    for (const text of [
      'When will I receive my funds?',
      'Where is my money?',
      'How long does it take for the money from the batch close to enter my account?',
      '银联退款到银行卡要几天',
    ])
      expect(read(text), text).toBeNull();
  });

  it('still match when a failure is told alongside', () => {
    expect(read('settlement failed, when will I receive my funds?')?.category).toBe('terminal_setup');
  });
});

describe('money that did not move, and a sale that never began', () => {
  // 扣款 failed or negated ("扣款失败", "无法扣款", "没能及时扣款") moved no money: with a failure it is no contradiction.
  it('does not flag a failed or negated charge beside a cause', () => {
    for (const text of ['网络断开，扣款失败', '操作失误，导致扣款失败', '卡被冻结，无法扣款', '余额不够，没能及时扣款'])
      expect(read(text)?.unknownOutcome, text).toBe(false);
    // Something else saying money moved still opens the outcome.
    expect(read('扣款失败，但银行短信显示扣款成功')?.unknownOutcome).toBe(true);
  });

  it('keeps a printer fault from opening the outcome when no sale began or the story is a sign-on', () => {
    // The rules alone: the learned reading may still add the status check beside a payment-phase reading.
    for (const text of ['机器故障，无法进行交易，也打不出小票', '打印机卡纸，无法完成签到']) {
      const got = matchByRules(text);
      expect(got?.category, text).toBe('terminal_setup');
      expect(got?.unknownOutcome, text).toBe(false);
    }
    // A receipt that did not print after a sale still leaves it open.
    expect(matchByRules('刷卡后打印机卡纸，小票没出来')?.unknownOutcome).toBe(true);
  });
});

describe('the business around card payments, asked about, matches nothing (issue 15, ninth round)', () => {
  it('leaves disputes, account checks, activation, how a product works and a later payout unmatched', () => {
    for (const text of [
      'How many days do I get to answer a chargeback?',
      'Can a customer dispute a tap payment a month later?',
      'How long does it take to verify my account?',
      'When should the money arrive in my bank?',
      '客户拒付以后商户怎么申诉',
      '商户入网审核时间一般多久',
      '激活流程是怎样的',
      '闪付的原理是什么',
      '节假日交易会顺延吗',
      '怎么开启手机的NFC功能',
      '云闪付有限额吗',
    ])
      expect(read(text), text).toBeNull();
  });

  // A failure told as what advice helps avoid is no report of one; a failure told as happening still is.
  it('reads a failure to avoid as advice, a failure that happened as trouble', () => {
    expect(read('办理激活手续时要带齐材料，以免激活失败'), 'advice').toBeNull();
    expect(read('激活过程中刷卡显示交易失败')).not.toBeNull();
    expect(read('为避免重复扣款，先查询交易，刚才挥卡后断网了')?.unknownOutcome).toBe(true);
    expect(read('chargeback received, the terminal also declined her card twice')).not.toBeNull();
  });

  it('reads a number range of days as a duration, never as a response code', () => {
    expect(matchSymptom('you have between 20 and 45 days to answer a dispute')).toBeNull();
    expect(matchSymptom('refunds take between 05 and 10 days')?.code ?? null).toBeNull();
  });
});

describe('a refusal told during the sale is its outcome, not an interruption (issue 15, ninth round)', () => {
  it('keeps a decline during a transaction a clear refusal', () => {
    expect(read('the card was declined during the transaction')?.unknownOutcome).toBe(false);
    expect(read('card rejected during a payment, what now?')?.unknownOutcome).toBe(false);
  });

  // Safety: a line lost, money taken or an error in the middle of the sale still leaves the outcome open.
  it('still opens the outcome when something beside the refusal says money may have moved', () => {
    for (const text of [
      'declined during the transaction, but the customer was charged',
      'connection dropped during the transaction and then it said declined',
      'an error during the transaction',
    ])
      expect(read(text)?.unknownOutcome, text).toBe(true);
  });

  it('reads a sale whose status shows pending as an unknown outcome', () => {
    for (const text of ['the transaction status shows pending', '交易状态显示待处理'])
      expect(read(text)?.unknownOutcome, text).toBe(true);
  });
});
