/**
 * The symptom table: what merchants type, and where the diagnosis should open. Shared by the unit test
 * (which requires every row to match) and the benchmark (which times the same inputs).
 * A regression table, not an accuracy measure: the code and screen-message rows take their expectations from the
 * lookup's own tables, and the colloquial rows are the set the lexicon was tuned on (its keywords appear in them).
 * All rows passing says the lookup still does what it did; how often it is right on unseen words is not measured.
 */
import type { Category } from '../../src/domain/lookup/categories.ts';
import { responseCodes } from '../../src/domain/lookup/response-codes.ts';
import { screenMessages } from '../../src/domain/lookup/screen-messages.ts';
import type { StepId } from '../../src/domain/diagnosis/steps.ts';

export interface ExpectedMatch {
  readonly category: Category | null;
  readonly code: string | null;
  readonly step: StepId;
  readonly unknownOutcome: boolean;
  /** Checked only when given. */
  readonly message?: string | null;
}

export interface SymptomCase {
  readonly input: string;
  readonly expected: ExpectedMatch | null;
  readonly kind: 'code' | 'message' | 'words' | 'bad';
  /**
   * Where the expectation comes from: `data` = read from response-codes.json / screen-messages.ts themselves,
   * `tuning` = a colloquial row the lexicon was tuned on, `written` = spelled out by hand (traps, bad input).
   */
  readonly provenance: 'data' | 'tuning' | 'written';
}

const m = (
  category: Category,
  step: StepId,
  unknownOutcome = false,
  extra: { code?: string; message?: string | null } = {},
): ExpectedMatch => ({
  category,
  step,
  unknownOutcome,
  code: extra.code ?? null,
  ...(extra.message !== undefined ? { message: extra.message } : {}),
});

const fullWidth = (value: string) =>
  value.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

/** The ways people write a code, used in turn so every code appears in at least one of them. */
const codeForms: ReadonlyArray<(code: string) => string> = [
  (code) => code,
  (code) => `应答码${code}`,
  (code) => `返回码：${code}`,
  (code) => `错误码 ${code.toLowerCase()}`,
  (code) => fullWidth(code),
  (code) => `code ${code}`,
  (code) => `response code ${code}`,
  (code) => `显示${code}`,
  (code) => `刚才挥卡，屏幕上显示${code}，怎么办？`,
  (code) => `小票上写着 应答码:${code} 交易失败`,
];

/** Every code of the table in one written form; the expectation is the table's own row (provenance: data). */
const everyCode: SymptomCase[] = responseCodes.map((entry, index) => ({
  input: (codeForms[index % codeForms.length] ?? ((code: string) => code))(entry.code),
  kind: 'code',
  provenance: 'data',
  expected: {
    category: entry.category,
    code: entry.code,
    step: entry.step,
    unknownOutcome: entry.unknownOutcome,
  },
}));

/** Code forms and traps written out with the expectation spelled out, not read from the table. */
const writtenCodes: SymptomCase[] = (
  [
    ['51', m('balance_account', 'balance.fix', false, { code: '51' })],
    ['应答码55', m('cardholder_verification', 'pin.retry', false, { code: '55' })],
    ['返回码：A0', m('terminal_setup', 'setup.signOnFix', true, { code: 'A0' })],
    ['错误码 a0', m('terminal_setup', 'setup.signOnFix', true, { code: 'A0' })],
    ['错误码：Ａ０', m('terminal_setup', 'setup.signOnFix', true, { code: 'A0' })],
    ['５１', m('balance_account', 'balance.fix', false, { code: '51' })],
    ['code 51', m('balance_account', 'balance.fix', false, { code: '51' })],
    ['code51', m('balance_account', 'balance.fix', false, { code: '51' })],
    ['response code 05', m('issuer_acquirer_host', 'card.other', false, { code: '05' })],
    ['显示05', m('issuer_acquirer_host', 'card.other', false, { code: '05' })],
    ['A0错误', m('terminal_setup', 'setup.signOnFix', true, { code: 'A0' })],
    ['a7', m('terminal_setup', 'setup.signOnFix', false, { code: 'A7' })],
    ['POS机显示98是什么意思', m('issuer_acquirer_host', 'host.wait', true, { code: '98' })],
    ['打出来的小票上 应答码:41', m('card_state', 'done.cardBlocked', false, { code: '41' })],
    ['rc=91', m('issuer_acquirer_host', 'host.wait', false, { code: '91' })],
    ['主机返回码：[93]', m('issuer_acquirer_host', 'card.other', false, { code: '93' })],
    ['68 交易超时,请重试', m('issuer_acquirer_host', 'host.wait', true, { code: '68' })],
    ['应答码09 请求正在处理中', m('issuer_acquirer_host', 'host.wait', true, { code: '09' })],
    ['提示94重复交易', m('terminal_setup', 'host.wait', true, { code: '94' })],
    ['应答码61，顾客要付1200元', m('amount_limit', 'limit.cardLimit', false, { code: '61' })],
    ['买了 ¥51 的东西，应答码55', m('cardholder_verification', 'pin.retry', false, { code: '55' })],
    ['10:51 的时候出现 05', m('issuer_acquirer_host', 'card.other', false, { code: '05' })],
    ['2024-05-01 那天的交易 错误码 14', m('card_state', 'card.other', false, { code: '14' })],
    ['iPhone 12 显示 55', m('cardholder_verification', 'pin.retry', false, { code: '55' })],
    ['显示51，卡号 6222 0212 3456 7890', m('balance_account', 'balance.fix', false, { code: '51' })],
    ['应答码51 6222021234567890', m('balance_account', 'balance.fix', false, { code: '51' })],
    ['返回码 45 请插卡交易或联系客服', m('reading_physical', 'limit.insert', false, { code: '45' })],
    ['显示51 但顾客说收到扣款短信了', m('balance_account', 'balance.fix', true, { code: '51' })],
    ['Error 96, try again later', m('issuer_acquirer_host', 'host.wait', false, { code: '96' })],
    ['应答码 77 请重新签到,再作交易', m('terminal_setup', 'setup.signOnFix', false, { code: '77' })],
    ['付了51元，显示余额不足', m('balance_account', 'balance.fix', false, { message: 'insufficientBalance' })],
    // A device's own labels and longer numbers are no bank-card code.
    ['error code 12 7775 on the wireless terminal', null],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'code', provenance: 'written' }));

/** Every variant of every screen message, as the terminal prints it (pattern marks `?`, `^`, `*` taken out). */
const everyVariant: SymptomCase[] = screenMessages.flatMap((message) =>
  message.variants.map((variant): SymptomCase => ({
    input: variant.replace(/^[?^]/, '').replaceAll('*', ' '),
    kind: 'message',
    provenance: 'data',
    expected: m(message.category, message.step, message.unknownOutcome, { message: message.id }),
  })),
);

/** Screen messages the way people retype them: extra words, punctuation, full-width, traditional. */
const writtenMessages: SymptomCase[] = (
  [
    ['屏幕上显示：请插卡！', m('amount_limit', 'limit.insert', false, { message: 'insertCard' })],
    ['终端显示“请插入IC卡或刷卡”', m('amount_limit', 'limit.insert', false, { message: 'insertCard' })],
    ['交易终止 请使用其他界面', m('amount_limit', 'limit.insert', false, { message: 'insertCard' })],
    ['請插卡', m('amount_limit', 'limit.insert', false, { message: 'insertCard' })],
    ['显示多卡冲突，顾客就拿了一张卡', m('reading_physical', 'reading.placement', false, { message: 'multipleCards' })],
    ['TOO MANY CARD!!!', m('reading_physical', 'reading.placement', false, { message: 'multipleCards' })],
    ['ＴＯＯ ＭＡＮＹ ＣＡＲＤ', m('reading_physical', 'reading.placement', false, { message: 'multipleCards' })],
    ['请 重 试', m('reading_physical', 'reading.placement', false, { message: 'tryAgain' })],
    ['上面写 See Phone', m('phone_wallet', 'wallet.unlock', false, { message: 'seePhone' })],
    ['读卡失败，请拔卡或拿卡', m('reading_physical', 'reading.placement', false, { message: 'readFailed' })],
    ['交易拒绝，卡片已过期', m('card_state', 'card.other', false, { message: 'cardExpired' })],
    ['通讯超时，请重试', m('network', 'network.fix', true, { message: 'commTimeout' })],
    ['连接主机超时!', m('network', 'network.fix', true, { message: 'commTimeout' })],
    ['自动冲正中…冲正不成功', m('network', 'done.acquirer', true, { message: 'reversalFailed' })],
    ['有未结算记录，请先结算', m('terminal_setup', 'setup.settleFix', false, { message: 'settleFirst' })],
    ['显示 请先下载CAPK参数', m('terminal_setup', 'done.acquirer', false, { message: 'paramsMissing' })],
    ['可用余额不足。', m('balance_account', 'balance.fix', false, { message: 'insufficientBalance' })],
    ['密码错误次数超限', m('cardholder_verification', 'done.pinLocked', false, { message: 'pinTriesExceeded' })],
    ['密码错,请重试', m('cardholder_verification', 'pin.retry', false, { message: 'wrongPin' })],
    ['过期卡,请联系发卡行', m('card_state', 'card.other', false, { message: 'cardExpired' })],
    ['交易失败,请重试', m('issuer_acquirer_host', 'scope.cards', false, { message: 'transactionFailed' })],
    ['MAC校验错,请重新签到', m('terminal_setup', 'setup.signOnFix', true, { message: 'macError' })],
    ['拒绝,重复交易,请稍后重试', m('terminal_setup', 'host.wait', true, { message: 'duplicateTransaction' })],
    ['系统日切,请稍后重试', m('issuer_acquirer_host', 'host.cutover', false, { message: 'cutover' })],
    ['檢查SIM卡', m('network', 'network.fix', false, { message: 'checkSim' })],
    ['請先簽到', m('terminal_setup', 'setup.signOnFix', false, { message: 'signOnFirst' })],
    ['下載工作密鑰失敗', m('terminal_setup', 'setup.signOnFix', false, { message: 'keyDownloadFailed' })],
    ['请插卡 但是顾客说收到扣款短信了', m('amount_limit', 'limit.insert', true, { message: 'insertCard' })],
    ['it says insert card', m('amount_limit', 'limit.insert', false, { message: 'insertCard' })],
    ['the card was declined', m('card_state', 'reading.chip', false, { message: 'declined' })],
    ['一直显示正在连接', m('network', 'network.signal', true, { message: 'stuckProcessing' })],
    ['terminal is stuck on processing', m('network', 'network.signal', true, { message: 'stuckProcessing' })],
    // The phone's tick against the terminal's failure is a contradiction: status check, network branch.
    ['手机显示完成了，pos机上显示交易失败', m('network', 'network.signal', true, { message: null })],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'message', provenance: 'written' }));

const unknown = true;

/** How merchants and callers describe it in their own words: the lexicon's tuning set, not held-out data. */
const colloquial: SymptomCase[] = (
  [
    ['手机碰了好几次都没反应', m('phone_wallet', 'wallet.unlock')],
    ['整个钱包按上去了', m('reading_physical', 'reading.placement')],
    ['转了半天说超时', m('network', 'network.signal', unknown)],
    ['叫我插卡', m('amount_limit', 'limit.insert')],
    ['顾客说收到扣款短信了但我这边没成功', m('network', 'network.signal', unknown)],
    ['机器卡住了', m('terminal_setup', 'setup.power', unknown)],
    ['终端死机', m('terminal_setup', 'setup.power', unknown)],
    ['一直转圈', m('network', 'network.signal', unknown)],
    ['没信号', m('network', 'network.signal')],
    ['说卡过期了', m('card_state', 'card.other')],
    ['让输密码', m('amount_limit', 'limit.check')],
    ['密码输错了', m('cardholder_verification', 'pin.retry')],
    ['手机上显示付款成功但是机器没出小票', m('network', 'network.signal', unknown)],
    ['刷了好几次都读不出来', m('reading_physical', 'reading.placement')],
    ['卡放上去没有任何反应', m('reading_physical', 'reading.placement')],
    ['顾客拿开太快了', m('reading_physical', 'reading.placement')],
    ['顾客把卡包整个贴上去', m('reading_physical', 'reading.placement')],
    ['他钱包里还有公交卡', m('reading_physical', 'reading.placement')],
    ['卡套没拿出来', m('reading_physical', 'reading.placement')],
    ['终端放在铁桌子上', m('reading_physical', 'reading.placement')],
    ['苹果手机付不了', m('phone_wallet', 'wallet.unlock')],
    ['华为手机NFC没开', m('phone_wallet', 'wallet.nfc')],
    ['用手表付的不行', m('phone_wallet', 'wallet.unlock')],
    ['他用的是云闪付', m('phone_wallet', 'wallet.unlock')],
    // Words never establish a 51: the balance question asks what the terminal showed.
    ['顾客说卡里钱不够', m('balance_account', 'balance.check')],
    ['信用卡额度刷爆了', m('balance_account', 'balance.check')],
    ['卡被冻结了', m('card_state', 'card.other')],
    ['新卡还没激活', m('card_state', 'card.other')],
    ['这张卡挂失了', m('card_state', 'done.cardBlocked')],
    ['密码输错三次了', m('cardholder_verification', 'done.pinLocked')],
    ['顾客忘了密码', m('cardholder_verification', 'pin.retry')],
    ['金额超过1000就要插卡', m('amount_limit', 'limit.insert')],
    ['大额的时候挥卡不行', m('amount_limit', 'limit.insert')],
    ['以前不用输密码，现在要输密码了', m('amount_limit', 'limit.check')],
    ['说超过单笔限额了', m('amount_limit', 'limit.cardLimit')],
    ['所有卡都刷不了', m('network', 'network.signal')],
    ['卡片没反应，换了张卡也一样', m('network', 'network.signal')],
    ['只有这张卡不行，别的卡可以', m('card_state', 'balance.check')],
    ['WiFi断了', m('network', 'network.signal')],
    ['4G信号不好', m('network', 'network.signal')],
    ['信号满格，但是一直连不上银行', m('network', 'network.signal')],
    ['提示要签到', m('terminal_setup', 'setup.signOnFix')],
    ['要先结算才能用', m('terminal_setup', 'setup.settleFix')],
    ['新装的机器第一次用就不行', m('terminal_setup', 'setup.signOn')],
    ['闪付灯不亮', m('reading_physical', 'setup.reader')],
    ['终端没有挥卡选项', m('terminal_setup', 'setup.contactless')],
    ['金额输错了', m('operator_error', 'operator.check')],
    ['按错了，选成了预授权', m('operator_error', 'operator.check')],
    ['顾客被扣了两次钱', m('network', 'scope.cards', unknown)],
    ['重复扣款了怎么办', m('network', 'scope.cards', unknown)],
    ['断电了，不知道刚才那笔成功没有', m('terminal_setup', 'setup.power', unknown)],
    ['刚才突然黑屏重启了', m('terminal_setup', 'setup.power', unknown)],
    ['等了很久最后显示超时', m('network', 'network.signal', unknown)],
    ['一直显示处理中', m('network', 'network.signal', unknown)],
    ['终端当机了', m('terminal_setup', 'setup.power', unknown)],
    ['顾客说钱扣了但是没出小票', m('network', 'network.signal', unknown)],
    ['小票打不出来', m('terminal_setup', 'setup.printer', unknown)],
    ['说要冲正', m('network', 'network.signal', unknown)],
    ['公交卡和银行卡叠在一起', m('reading_physical', 'reading.placement')],
    ['插卡可以，挥卡不行', m('reading_physical', 'reading.chip')],
    ['卡弯了', m('reading_physical', 'reading.chip')],
    ['银联系统维护', m('issuer_acquirer_host', 'host.wait')],
    ['卡被拒了', m('card_state', 'card.status')],
    ['顧客說卡過期了', m('card_state', 'card.other')],
    ['機器當機了', m('terminal_setup', 'setup.power', unknown)],
    ['customer got a debit SMS', m('network', 'network.signal', unknown)],
    ['phone keeps failing', m('phone_wallet', 'wallet.unlock')],
    ['terminal froze', m('terminal_setup', 'setup.power', unknown)],
    ['no signal', m('network', 'network.signal')],
    ['the payment timed out', m('network', 'network.signal', unknown)],
    ['customer was charged twice', m('network', 'scope.cards', unknown)],
    ["customer's bank app shows the money was deducted", m('network', 'network.signal', unknown)],
    ['no receipt printed but the money is gone', m('network', 'network.signal', unknown)],
    ['phone shows a tick but the terminal shows nothing', m('network', 'network.signal', unknown)],
    ['it keeps asking for a PIN', m('amount_limit', 'limit.check')],
    ['customer forgot the PIN', m('cardholder_verification', 'pin.retry')],
    ['card is expired', m('card_state', 'card.other')],
    ['customer tapped the whole wallet', m('reading_physical', 'reading.placement')],
    ["customer's card is in a metal case", m('reading_physical', 'reading.placement')],
    ['wifi is down', m('network', 'network.signal')],
    ['every card fails', m('network', 'network.signal')],
    ['need to sign on', m('terminal_setup', 'setup.signOnFix')],
    ['new terminal, first transaction', m('terminal_setup', 'setup.signOn')],
    ["contactless light doesn't come on", m('reading_physical', 'setup.reader')],
    ['wrong amount keyed in', m('operator_error', 'operator.check')],
    ["a customer's Huawei phone won't pay", m('phone_wallet', 'wallet.unlock')],
    ['Apple Pay does not work here', m('phone_wallet', 'wallet.unlock')],
    ['the power went off in the middle of the payment', m('terminal_setup', 'setup.power', unknown)],
    ['card was reported stolen', m('card_state', 'done.cardBlocked')],
    ['PIN is locked after 3 wrong tries', m('cardholder_verification', 'done.pinLocked')],
    ['交易成功但是没小票', m('terminal_setup', 'setup.printer', unknown)],
    ['不知道扣没扣款', m('network', 'network.signal', unknown)],
    ['打印机没纸了', m('terminal_setup', 'setup.printer', unknown)],
    ["I don't know if the customer was charged", m('network', 'network.signal', unknown)],
    ['my phone says payment complete but the POS says failed', m('network', 'network.signal', unknown)],
    ['卡被没收了', m('card_state', 'done.cardBlocked')],
    ['三星A7手机付不了', m('phone_wallet', 'wallet.unlock')],
    ['Samsung Galaxy A7 not paying', m('phone_wallet', 'wallet.unlock')],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'tuning' }));

/** The causes issue 14 gave steps of their own, as a merchant would type them, in zh-CN, zh-Hant and English. */
const newCauses: SymptomCase[] = (
  [
    ['老外的Visa卡刷不了', m('terminal_setup', 'card.foreign')],
    ['外國遊客的萬事達卡刷不了', m('terminal_setup', 'card.foreign')],
    ["customer's foreign Visa card keeps getting declined", m('terminal_setup', 'card.foreign')],
    ['POS机提示商户被风控了', m('terminal_setup', 'done.merchantRestricted')],
    ['商戶被凍結，收不了款', m('terminal_setup', 'done.merchantRestricted')],
    ['our merchant account was frozen by risk control', m('terminal_setup', 'done.merchantRestricted')],
    ['打印机卡纸了，不知道这笔成没成功', m('terminal_setup', 'setup.printer', unknown)],
    ['印表機缺紙了', m('terminal_setup', 'setup.printer', unknown)],
    ['the printer jammed and no receipt came out', m('terminal_setup', 'setup.printer', unknown)],
    ['POS机发烫，读不了卡', m('terminal_setup', 'setup.power')],
    ['機器電量低', m('terminal_setup', 'setup.power')],
    ['the terminal is overheating', m('terminal_setup', 'setup.power')],
    ['顾客手机NFC没打开', m('phone_wallet', 'wallet.nfc')],
    // The rules read this clear, and so does the learned reading since the eighth round's retraining (it used to add
    // the status check: one check more than needed, never less).
    ['顧客手機的預設付款App不是雲閃付', m('phone_wallet', 'wallet.nfc')],
    ['phone NFC is turned off', m('phone_wallet', 'wallet.nfc')],
    ['卡上没有闪付标志', m('reading_physical', 'reading.noMark')],
    ['這張卡沒有閃付標誌', m('reading_physical', 'reading.noMark')],
    ['the card has no contactless symbol', m('reading_physical', 'reading.noMark')],
    ['POS机没开通双免', m('terminal_setup', 'setup.contactless')],
    ['這台機器沒開通雙免', m('terminal_setup', 'setup.contactless')],
    ["the terminal isn't set up for contactless", m('terminal_setup', 'setup.contactless')],
    ['超过卡的日累计限额', m('amount_limit', 'limit.cardLimit')],
    ['超過單筆限額', m('amount_limit', 'limit.cardLimit')],
    ['the customer hit their daily card limit', m('amount_limit', 'limit.cardLimit')],
    ['挥卡次数超了要插卡', m('amount_limit', 'limit.insert')],
    ['半夜12点以后刷不了', m('issuer_acquirer_host', 'host.cutover')],
    ['午夜日切中刷不了', m('issuer_acquirer_host', 'host.cutover')],
    ['midnight cutover, cards declined', m('issuer_acquirer_host', 'host.cutover')],
    // Issue 15, ninth round's second Chinese batch: money gone with no sale, and a screen that does not know either.
    ['POS机倒扣了，钱扣了交易却没成功', m('network', 'network.signal', unknown)],
    ['顧客說刷卡倒扣', m('network', 'network.signal', unknown)],
    ['網絡擁擠，若已付款請勿重試', m('network', 'network.signal', unknown)],
    ['系统繁忙,如已付款请勿重复支付', m('network', 'network.signal', unknown)],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'written' }));

/**
 * English as the field writes it (issue 15, sixth round), written here in the shapes the new training rows showed
 * missing: chip faults, card types a terminal does not take, set-up and sign-on words, outcomes left open, housekeeping
 * timeouts, and questions about being paid that must match nothing.
 */
const fieldEnglish: SymptomCase[] = (
  [
    ['the screen said Chip Read Error twice', m('reading_physical', 'reading.placement')],
    ["it's 5 cents over the tap limit", m('amount_limit', 'limit.insert')],
    ['the terminal only accepts debit cards, not credit', m('issuer_acquirer_host', 'card.other')],
    ['terminal says please initialize or call help', m('terminal_setup', 'setup.signOnFix')],
    ["the terminal won't log on this morning", m('terminal_setup', 'setup.signOnFix')],
    ['the terminal is not boarded to our store yet', m('terminal_setup', 'setup.signOn')],
    ['PARAMETER ERROR on the terminal', m('terminal_setup', 'done.acquirer')],
    [
      'Tap to Pay on iPhone says the card read failed',
      m('reading_physical', 'reading.placement', false, { message: 'readFailed' }),
    ],
    ['the card in the wallet is not fully provisioned', m('phone_wallet', 'wallet.unlock')],
    ['terminal shows HOLD CARD message', m('card_state', 'done.cardBlocked')],
    ['reader error E_05', m('reading_physical', 'reading.placement')],
    ['not sure whether the sale has gone through', m('network', 'network.signal', unknown)],
    ['the host is not returning a response', m('network', 'network.signal', unknown)],
    ["the sale didn't sync to the server after she tapped", m('network', 'network.signal', unknown)],
    ['the customer claims she was debited but we have no record', m('network', 'network.signal', unknown)],
    ['a charge remains on her card after the void', m('network', 'network.signal', unknown)],
    ['the payment was interrupted when the battery died', m('network', 'network.signal', unknown)],
    ['the void failed, so the charge is still on her card', m('network', 'network.signal', unknown)],
    ['the payment could not be voided', m('network', 'network.signal', unknown)],
    // Settlement is housekeeping: its timeout moves no customer money.
    ['the batch upload timed out last night', m('terminal_setup', 'setup.settleFix')],
    ['Business Day Full on the terminal', m('terminal_setup', 'setup.settleFix')],
    ['the batch cannot be closed', m('terminal_setup', 'setup.settleFix')],
    ['when do I receive my batches?', null],
    ['what is on my monthly merchant statement?', null],
    ['how often are deposits paid into my account?', null],
    ['are there limits on how much I can take by card?', null],
    ['the balance due is 12.50, can the customer pay by card?', null],
    ['what is my business paying on the merchant account each month?', null],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'written' }));

/**
 * Chinese as the field writes it (issue 15, seventh round), written here in the shapes the Chinese training rows
 * showed missing: duplicate entries and charges with no completed sale, a contradiction beside a printed refusal,
 * Hong Kong and Taiwan words, reading faults, connections, power (open only mid-payment), payout and how-to
 * questions that must match nothing, and what terminals print for MAC errors, the daily limit and code 05.
 */
const fieldChinese: SymptomCase[] = (
  [
    ['对账单上有两笔金额一样的消费', m('network', 'scope.cards', unknown)],
    ['客人的卡被重复刷了三笔', m('network', 'scope.cards', unknown)],
    ['顾客说账单上比实际多了一笔', m('network', 'scope.cards', unknown)],
    ['机器说交易没完成，顾客却说钱被扣了', m('network', 'network.signal', unknown)],
    ['顾客收到借记短信，机器却没有收据', m('network', 'network.signal', unknown)],
    // A sale told done beats a printed refusal; a retry with the same card that succeeds is that retry's.
    ['提示余额不足，可是顾客短信又说扣款成功了', m('network', 'network.signal', unknown, { message: null })],
    ['第一次其实有成功，可机器没回应，又刷了一遍', m('network', 'network.signal', unknown)],
    [
      '提示余额不足，充值后再刷就成功了',
      m('balance_account', 'balance.fix', false, { message: 'insufficientBalance' }),
    ],
    ['提示密码错误，重新输入后支付成功', m('cardholder_verification', 'pin.retry', false, { message: 'wrongPin' })],
    // Hong Kong and Taiwan words, Cantonese negations.
    ['交易逾時，請重試', m('network', 'network.fix', unknown, { message: 'commTimeout' })],
    ['咭機讀唔到張卡', m('reading_physical', 'reading.placement')],
    ['拍卡冇反應', m('reading_physical', 'reading.placement')],
    ['客人戶口結餘不足', m('balance_account', 'balance.fix')],
    ['链接主机失败了', m('network', 'network.signal')],
    ['连线已断开', m('network', 'network.signal')],
    ['网络连接不稳定', m('network', 'network.signal')],
    ['插卡后屏幕不显示卡号', m('reading_physical', 'reading.placement')],
    ['卡放在磁铁旁边以后就刷不了', m('reading_physical', 'reading.chip')],
    ['客人太快把卡移开了', m('reading_physical', 'reading.placement')],
    // How the phone is held is placement, not the wallet.
    ['手机角度不对，挥了好几次都不行', m('reading_physical', 'reading.placement')],
    // Power is a terminal fault; only a payment under way or in doubt leaves the outcome open.
    ['机器充上电就关机', m('terminal_setup', 'setup.power')],
    ['收银机开不了机', m('terminal_setup', 'setup.power')],
    ['停电了，刷卡机用不了', m('terminal_setup', 'setup.power')],
    ['刷卡后机器突然断电了', m('terminal_setup', 'setup.power', unknown)],
    ['输完密码之后机器没电关机了', m('terminal_setup', 'setup.power', unknown)],
    ['断电以后不知道那笔扣没扣', m('terminal_setup', 'setup.power', unknown)],
    // The merchant's payout, rules and how-to questions.
    ['显示交易成功，但钱一直没到账', null],
    ['商户货款几天到', null],
    ['结算时间是怎么规定的', null],
    ['撤销和退货有什么区别', null],
    ['风控冻结资金的机制是什么', null],
    ['外国人的卡可以刷吗', null],
    // One bank's cards are the host side; every bank's cards, or "bank cards", are not.
    ['今天农行的卡都刷不了', m('issuer_acquirer_host', 'card.other')],
    ['所有银行的卡都刷不了', m('network', 'network.signal')],
    ['刷不了银行卡', m('reading_physical', 'reading.placement')],
    // What terminals print.
    ['显示解包校验不符', m('terminal_setup', 'setup.signOnFix', unknown, { message: 'macError' })],
    ['提示额度已满', m('amount_limit', 'card.other', false, { message: 'amountLimit' })],
    ['显示持卡人认证失败', m('issuer_acquirer_host', 'card.other', false, { message: 'contactIssuer' })],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'written' }));

/**
 * English outcome words read for what they tell (issue 15, eighth round), written here in the shapes the eighth batch
 * of English training rows showed missing: a refusal or a charge told as what would happen, as a purpose or as a fee
 * is no contradiction; "succeeded" and "whether … or not" are; a number range is read by its unit, never as a code;
 * the phone under other names, the merchant's phone or tablet as the reader's host, a security certificate, a slip at
 * the till, card activation; and procedures (refunds, reprints, a rule asked about in general) that must match
 * nothing unless trouble is told with them.
 */
const outcomeWordsEnglish: SymptomCase[] = (
  [
    // Told as what would happen, as a purpose or as a fee: not how this payment ended, so never the status check.
    ['your payment might be declined if it goes over the approved credit limit', m('balance_account', 'balance.check')],
    ['not enough funds on the card to complete the purchase', m('balance_account', 'balance.check')],
    ['if you go over the limit your charges will be declined', m('amount_limit', 'card.other')],
    ['otherwise the sale will be cancelled and the card charged again', m('operator_error', 'operator.check')],
    ['a monthly fee is charged for the terminal', null],
    ['the monthly fee charged is too high', null],
    // A doubt about what happened stays one.
    ['the customer may have been charged even though it said declined', m('network', 'network.signal', unknown)],
    ['no way to tell whether the sale succeeded or not', m('network', 'network.signal', unknown)],
    ['the app says it failed but her bank says it succeeded', m('network', 'network.signal', unknown)],
    // "20 - 40 seconds" is a time, not code 20.
    ['it took 20 - 40 seconds and then said declined', m('card_state', 'reading.chip')],
    ["the customer's smartphone won't pay at the terminal", m('phone_wallet', 'wallet.unlock')],
    ['the reader connects to my phone/tablet by Bluetooth and keeps dropping', m('network', 'network.signal')],
    ["the terminal's security certificate has expired", m('terminal_setup', 'done.acquirer')],
    ['I keyed the wrong item and the customer already paid', m('operator_error', 'operator.check')],
    ["the cashier didn't press the card button on the till", m('operator_error', 'operator.check')],
    ['did the customer activate their card?', m('card_state', 'card.other')],
    // Procedures and rules asked about match nothing; told with a freeze, a missing receipt or a second charge they do.
    ['do you need a PIN for small contactless payments?', null],
    ['reprinting a receipt for a customer', null],
    ['refund to the original card after a return', null],
    ['the terminal froze and the customer wants a refund', m('terminal_setup', 'setup.power', unknown)],
    ['the card got charged twice, I need to refund one', m('network', 'scope.cards', unknown)],
    ['the customer was charged but there is no receipt, how do I refund?', m('network', 'network.signal', unknown)],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'written' }));

/**
 * English as the ninth round's rows showed it (issue 15), written here by hand in the shapes they missed: the
 * merchant's own phone used as the terminal (Tap to Pay) is the terminal, a signature asked for is the cardholder's
 * verification, a story that ends in LOGON REQUIRED and names no sale is housekeeping, power lost is a terminal fault
 * open only mid-payment, a reboot asked for is the fix, a dial-up line is no phone, a wallet app that crashed is the
 * phone's, money removed or not available in the account against a failure, a sale left open at the till, "whether
 * … captured", no answer within the time allowed, the bank unreachable, the wrong payment method, wrong PINs counted
 * or mistyped, dirt in the slot, a card still to activate, a code table's line, the till still awaiting payment, a
 * partial approval, the same order twice, and a first-person rule question that matches nothing.
 */
const ninthRoundEnglish: SymptomCase[] = (
  [
    // Tap to Pay: the merchant's phone is the terminal; a customer's phone stays a wallet.
    ['Tap to Pay on iPhone says this iPhone model is not supported', m('terminal_setup', 'done.acquirer')],
    ['the T2P screen on my Samsung keeps closing', m('terminal_setup', 'done.acquirer')],
    [
      'our Tap to Pay on Android app shows no supported application for this NFC tag',
      m('terminal_setup', 'done.acquirer'),
    ],
    ["Square Tap to Pay on my iPhone won't read the card", m('terminal_setup', 'done.acquirer')],
    ["the customer's iPhone won't pay at the terminal", m('phone_wallet', 'wallet.unlock')],
    ['tap to pay on my android keeps failing', m('terminal_setup', 'done.acquirer')],
    ['the customer used tap to pay on his iPhone and it was declined', m('phone_wallet', 'wallet.unlock')],
    // A signature asked for is verification; with a limit told it stays the limit.
    ['the terminal asked the customer for a signature', m('cardholder_verification', 'limit.check')],
    ['the chip card wants a signature instead of a PIN', m('cardholder_verification', 'limit.check')],
    ['the terminal said signature required because the amount was over the limit', m('amount_limit', 'card.other')],
    ['approved, and the customer signed', null],
    // LOGON REQUIRED after a housekeeping story opens no status check; with a customer paying it still does.
    [
      'the connection dropped overnight and the terminal now says LOGON REQUIRED',
      m('terminal_setup', 'setup.signOnFix'),
    ],
    ['the terminal froze overnight and in the morning it said logon required', m('terminal_setup', 'setup.signOnFix')],
    ['if the pin pad restarts or loses its connection it asks for a logon', m('terminal_setup', 'setup.signOnFix')],
    [
      'the terminal lost connection right after the customer tapped, now it says LOGON REQUIRED',
      m('network', 'network.signal', unknown),
    ],
    [
      'the terminal froze while the customer was paying and then said logon required',
      m('terminal_setup', 'setup.power', unknown),
    ],
    // Power lost is a terminal fault; the outcome is open only with a sale under way.
    ['the terminal lost power when it was unplugged', m('terminal_setup', 'setup.power')],
    ['a power cut switched the terminal off overnight', m('terminal_setup', 'setup.power')],
    ['the card machine lost power mid-sale', m('terminal_setup', 'setup.power', unknown)],
    ['the power went off in the middle of a transaction', m('terminal_setup', 'setup.power', unknown)],
    // A reboot asked for is the fix; one that had to be done is still a freeze.
    ['unable to connect to the card reader, please restart it and try again', m('network', 'network.signal')],
    ['the card machine froze, I had to reboot it', m('terminal_setup', 'setup.power', unknown)],
    // A dial-up line is the network.
    ['terminal shows check phone line', m('network', 'network.signal')],
    ["the phone line is down so the terminal can't dial", m('network', 'network.signal')],
    // A wallet app that crashed is the customer's phone, and leaves no sale open.
    ["the customer's Google Pay app crashed when she tried to pay", m('phone_wallet', 'wallet.unlock')],
    // Money gone or held against a failure, a sale left open against an approval, "whether … captured".
    ['the money was removed from her account but the terminal said declined', m('network', 'network.signal', unknown)],
    ["declined, and now the money isn't available in his account", m('network', 'network.signal', unknown)],
    ['the sale is still open on the till but the terminal said approved', m('network', 'network.signal', unknown)],
    ['verify whether the payment was captured before charging again', m('network', 'network.signal', unknown)],
    ["the issuer didn't respond within the time allowed", m('network', 'network.signal', unknown)],
    ["the bank's system was unreachable", m('issuer_acquirer_host', 'host.wait')],
    // Operator slips, PIN tries, the reader slot, activation.
    ['we selected the wrong payment method on the till', m('operator_error', 'operator.check')],
    ['she entered her PIN wrong three times', m('cardholder_verification', 'done.pinLocked')],
    ['the customer mistyped her PIN', m('cardholder_verification', 'pin.retry')],
    ['there is dirt in the card slot', m('reading_physical', 'reading.placement')],
    ['the card needs to be activated first', m('card_state', 'card.other')],
    // Rules and procedures asked in the first person, and a limit stated as a rule, match nothing.
    ['do I need to close the batch every night?', null],
    // A PIN prompt the caller is facing, asked as "why do I have to", stays a symptom.
    ['why do I have to enter a PIN for small taps now?', m('amount_limit', 'limit.check')],
    // A code table's line, the code before the card's state; a sale processing when power went; the till still
    // waiting against an approval; a partial approval; a reader not listening; the same order twice.
    ['33 Card expired', m('card_state', 'card.other', false, { code: '33' })],
    ['the payment was processing when the terminal lost power', m('terminal_setup', 'setup.power', unknown)],
    ['approved on the terminal but the till is still awaiting payment', m('network', 'network.signal', unknown)],
    ['the bank authorised only part of the amount', m('balance_account', 'balance.check')],
    ["the reader isn't listening for taps", m('reading_physical', 'reading.placement')],
    ['we got the same order twice from one customer', m('network', 'scope.cards', unknown)],
    ['contactless payments can be made up to a limit of 100 pounds', null],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'written' }));

/**
 * Chinese as the second batch of Chinese training rows showed it (issue 15, eighth round), written here by hand in
 * the shapes they missed: a failed or negated 扣款 moved no money (beside a refusal it is no unknown outcome, unless
 * something else says money moved), no answer said with 无, duplicates said as 请款, 付款两次 or 双倍, 已经 as 已,
 * Taiwan's 网路 and 讯号, wrong PINs said the other way round, a balance enquiry that is no shortage, the terminal's
 * own keys, a printer fault in a sign-on story, and questions about refunds, limits and switches that match nothing.
 */
const fieldChinese2: SymptomCase[] = (
  [
    // A charge that failed or never happened is no money moved.
    ['余额不足，扣款失败', m('balance_account', 'balance.fix', false, { message: 'insufficientBalance' })],
    ['无法扣款，卡被冻结', m('card_state', 'card.other')],
    ['网络断了，没能及时扣款', m('network', 'network.signal')],
    ['提示密码错误，扣款不成功', m('cardholder_verification', 'pin.retry', false, { message: 'wrongPin' })],
    ['扣款失败，可是顾客短信说钱被扣了', m('network', 'network.signal', unknown)],
    // No answer, then the money gone; duplicates however they are said.
    ['支付宝付款无反应，后来发现已经扣款了', m('network', 'network.signal', unknown)],
    ['顧客的信用卡被重複請款', m('network', 'scope.cards', unknown)],
    ['月结单上同一笔付款两次', m('network', 'scope.cards', unknown)],
    ['顾客说付了双倍的钱', m('network', 'scope.cards', unknown)],
    ['顾客的钱已经扣款，但小票没打出来', m('network', 'network.signal', unknown)],
    ['顾客手机显示已付款，但机器显示未支付', m('network', 'network.signal', unknown)],
    ['交易结果一直没有反馈', m('network', 'network.signal', unknown)],
    ['服务器无响应', m('network', 'network.signal', unknown)],
    // Taiwan's words, PINs, the balance asked for, the card and the terminal themselves.
    ['網路不穩定，刷不過', m('network', 'network.signal')],
    ['訊號不佳，交易失敗', m('network', 'network.signal')],
    ['顾客输入错误的密码', m('cardholder_verification', 'pin.retry')],
    ['多次輸入錯誤的密碼', m('cardholder_verification', 'done.pinLocked')],
    ['查询余额时密码输错了', m('cardholder_verification', 'pin.retry')],
    ['卡片表面刮花了，读不到', m('reading_physical', 'reading.placement')],
    ['POS机按键失灵', m('terminal_setup', 'done.acquirer')],
    ['交易金额超过五千，挥卡不行', m('amount_limit', 'limit.insert')],
    // A printer fault while signing on leaves no sale open.
    ['打印机缺纸，签到失败', m('terminal_setup', 'setup.printer')],
    // Questions about refunds, limits, switches and bookkeeping.
    ['信用卡退款会退到哪里', null],
    ['小额免密的限额是多少', null],
    ['怎么关闭闪付功能', null],
    ['刷卡记录方便报税吗', null],
    // The trouble word inside the question is its topic.
    ['这笔货款为什么无法及时到账', null],
    ['商家可以拒绝刷信用卡吗', null],
    ['钱扣了，商户却显示无法到账', m('network', 'network.signal', unknown)],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'written' }));

/**
 * English as the ninth round's second batch showed it (issue 15), written here by hand: an amount in euros or pounds
 * is no code, communications and a host or acquirer out of reach are the network, money on hold against a payment
 * "not successful" and a charge seen as a duplicate open the status check, the line or the power lost after the
 * authorisation or before the sale completed is mid-payment, payout times in business days and a term defined ("… is
 * when …") match nothing, a card pulled out too early, no remaining balance or a balance exceeded, unsuccessful tries
 * counted, an invalid PIN with a word between, and a one-digit code named as a code.
 */
const ninthRoundEnglish2: SymptomCase[] = (
  [
    ['the terminal asks for a PIN when the sale is over €45', m('amount_limit', 'limit.check')],
    ['card machine keeps saying bad communication', m('network', 'network.signal')],
    ['TCP error on the pin pad', m('network', 'network.signal')],
    ['the terminal cannot reach the host', m('network', 'network.signal')],
    ['our terminal was unable to contact the acquirer all morning', m('network', 'network.signal')],
    // Asked to contact the acquirer is no connection lost.
    ['please contact your acquirer to turn on cashback', m('operator_error', 'operator.check')],
    ['the bank has the amount on hold but the sale was not successful', m('network', 'network.signal', unknown)],
    ['the payment was not successful', null],
    ['the charge shows as a duplicate in her banking app', m('network', 'scope.cards', unknown)],
    ['check for duplicates before running the card again', m('network', 'scope.cards', unknown)],
    ['the wifi dropped after authorisation', m('network', 'network.signal', unknown)],
    ['the power failed after the authorisation was sent', m('terminal_setup', 'setup.power', unknown)],
    ['the network dropped before the sale completed', m('network', 'network.signal', unknown)],
    ['deposits usually arrive within two business days', null],
    ['a pre-authorisation is when an amount is reserved on the card', null],
    ['she pulled the card out too early', m('reading_physical', 'reading.placement')],
    ['the voucher card has no remaining balance', m('balance_account', 'balance.check')],
    ['the purchase exceeded the balance on his prepaid card', m('balance_account', 'balance.check')],
    ['the card locked after three unsuccessful tries', m('cardholder_verification', 'done.pinLocked')],
    ['she keyed an invalid debit PIN', m('cardholder_verification', 'pin.retry')],
    ['the screen shows Code 5', m('issuer_acquirer_host', 'card.other', false, { code: '05' })],
    ['it says Code 1 refer to issuer', m('issuer_acquirer_host', 'card.other', false, { code: '01' })],
    // A zip code or a PIN's digits are no response code.
    ['the zip code 9 digits', null],
    ['she typed the pin code 3 times wrong', m('cardholder_verification', 'done.pinLocked')],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'written' }));

/** The ninth round's Chinese gaps as capabilities (issue 15), each written here, none copied from a row. */
const fieldChinese3: SymptomCase[] = (
  [
    // A cause named in words is more specific than a bare "交易失败" or "付款失败" told with it.
    ['Wi-Fi不稳定，付款失败了', m('network', 'network.signal')],
    ['芯片受损，交易失败', m('reading_physical', 'reading.chip')],
    ['卡片没有正确识别，交易失败', m('reading_physical', 'reading.placement')],
    // The terminal itself broken, under Hong Kong's and Taiwan's names and with Cantonese 咗.
    ['刷卡机坏了', m('terminal_setup', 'done.acquirer')],
    ['八達通機壞咗', m('terminal_setup', 'done.acquirer')],
    ['信用卡機故障', m('terminal_setup', 'done.acquirer')],
    // "当刷卡机…" is "when the terminal…", no freeze; a freeze told that way still is one.
    ['当刷卡机显示网络异常时', m('network', 'network.signal')],
    ['当收银机卡住时', m('terminal_setup', 'setup.power', unknown)],
    // Whose power or system: the phone's battery, the terminal's own software; the bank's system stays the host's.
    ['手机没电了，付不了款', m('phone_wallet', 'wallet.unlock')],
    ['POS机的操作系统出故障了', m('terminal_setup', 'done.acquirer')],
    ['银行系统故障', m('issuer_acquirer_host', 'host.wait')],
    // Money moved said other ways: paid twice, two entries taken, taken in error, an SMS telling success.
    ['顧客被雙重扣款', m('network', 'scope.cards', unknown)],
    ['对账发现收了两笔', m('network', 'scope.cards', unknown)],
    ['顾客的钱被误扣了', m('network', 'network.signal', unknown)],
    ['短信提示支付成功，但是没出纸', m('network', 'network.signal', unknown)],
    ['机器出票了，但显示交易失败', m('network', 'network.signal', unknown)],
    // A SIM by another name, the PIN pad locked, a card run by mistake.
    ['POS机物联卡欠费了', m('network', 'network.signal')],
    ['密码键盘被锁了', m('terminal_setup', 'done.merchantRestricted')],
    ['收银员刷错了金额', m('operator_error', 'operator.check')],
    // Settlement delays and a refund asked for are no failed payment.
    ['结算延迟一般要多久', null],
    ['顾客要求退款怎么处理', null],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'words', provenance: 'written' }));

/** Input that must not break anything, or be read as a code it is not. */
const bad: SymptomCase[] = (
  [
    ['', null],
    ['   ', null],
    ['\n\t\r', null],
    ['😀😀😀', null],
    ['🙏', null],
    ['????', null],
    ['\u0000\u0001\u200b', null],
    ['a'.repeat(10_000), null],
    ['啊'.repeat(12_000), null],
    ['<script>alert(1)</script>', null],
    ['<img src=x onerror=alert(51)>', null],
    ['6222 0212 3456 7890', null],
    ['4111-1111-1111-1111', null],
    ['6222021234567890', null],
    ['卡号6222021234567890', null],
    ['错误码 1001', null],
    ['E0102', null],
    ['00', null],
    ['付了51元', null],
    ['51块', null],
    ['51 yuan', null],
    ['等了15分钟', null],
    ['2024-05-01', null],
    ['lorem ipsum dolor', null],
    ['顾客说他没收到短信', null],
    ['没有超时，直接就失败了', null],
    ['顾客手机号13812345678', null],
    [`请插卡${'x'.repeat(100_000)}`, m('amount_limit', 'limit.insert', false, { message: 'insertCard' })],
    [`${'x'.repeat(100_000)}请插卡`, null],
    [`${'说'.repeat(496)} 6222 0212 3456 7890`, null],
  ] as const
).map(([input, expected]) => ({ input, expected, kind: 'bad', provenance: 'written' }));

export const symptomCases: readonly SymptomCase[] = [
  ...everyCode,
  ...writtenCodes,
  ...everyVariant,
  ...writtenMessages,
  ...colloquial,
  ...newCauses,
  ...fieldEnglish,
  ...fieldChinese,
  ...outcomeWordsEnglish,
  ...ninthRoundEnglish,
  ...ninthRoundEnglish2,
  ...fieldChinese2,
  ...fieldChinese3,
  ...bad,
];
