/**
 * The field corpus (field-phrasings.json): real phrasings from public help pages, terminal manuals, merchant Q&A
 * and issue threads, each with the category, response code and unknown-outcome flag it should read as.
 * Split once by a seeded hash of the text: one fifth is held out and is never used to tune the lookup.
 * training-phrasings.json adds rows collected later to the tuned part only, so the held-out fifth stays as it was;
 * training-phrasings-2.json does the same with Chinese rows (simplified, and traditional from Hong Kong, Taiwan and
 * Macau pages) from pages in no other corpus file, scored as unseen text before the model was trained on them; the
 * English rows appended to training-phrasings.json in rounds 8 and 9 (`addedEnglishRows`, `ninthRoundEnglishRows`,
 * `ninthRoundEnglishRows2`) were scored the same way.
 * A second held-out set (fresh-heldout.json) was collected from sources not in the field corpus and committed
 * before the lookup was tuned again; it is reported, never tuned on. A third held-out set (third-heldout.json) followed
 * after round 4 the same way, and a fourth (fourth-heldout.json) before the stop that followed the third's many readings;
 * a fifth (heldout-r9.json) was committed in round nine before that stop's changes, as the fourth had been printed once.
 * Off-topic rows (category null) must match nothing.
 */
import rows from './field-phrasings.json' with { type: 'json' };
import freshRows from './fresh-heldout.json' with { type: 'json' };
import thirdRows from './third-heldout.json' with { type: 'json' };
import fourthRows from './fourth-heldout.json' with { type: 'json' };
import roundNineRows from './heldout-r9.json' with { type: 'json' };
import trainingRows from './training-phrasings.json' with { type: 'json' };
import chineseTrainingRows from './training-phrasings-2.json' with { type: 'json' };
import ninthRoundTrainingRows from './training-phrasings-3.json' with { type: 'json' };
import type { Category } from '../../src/domain/lookup/categories.ts';
import { fnv1a } from '../../src/domain/lookup/learned-reading.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import type { StepId } from '../../src/domain/diagnosis/steps.ts';

export interface FieldPhrasing {
  readonly text: string;
  readonly lang: 'zh' | 'zh-Hant' | 'en';
  /** URL, or repository/path as the search tool gave it. */
  readonly source: string;
  /** null: not about a terminated payment (fees, settings, payouts, how-to), so nothing may match. */
  readonly category: Category | null;
  readonly code: string | null;
  readonly unknownOutcome: boolean;
  /**
   * The diagnosis step the row should open, on rows about the causes issue 14 gave steps of their own (foreign card,
   * merchant restricted, printer, power, phone NFC, no 闪付 mark, contactless not enabled, card limit, 日切). Set by
   * hand from the text when those steps arrived, with the category that goes with the step, never from the matcher.
   */
  readonly step?: StepId;
}

export const fieldPhrasings = rows as readonly FieldPhrasing[];

/** The second held-out set, frozen before tuning: sources that appear nowhere in field-phrasings.json. */
export const freshHeldOutRows = freshRows as readonly FieldPhrasing[];

/**
 * The third held-out set: collected after round 4 from pages on sites in no other corpus file (colloquial counter
 * speech, English, unclear payment outcomes), labelled and committed before the rules were tuned on it, never tuned
 * on. Reported by the bench only; it has no floor test, so it cannot become a tuning target.
 */
export const thirdHeldOutRows = thirdRows as readonly FieldPhrasing[];

/**
 * The fourth held-out set: collected from pages in no other corpus file (help centres, merchant Q&A, SDK issue threads,
 * news; English, simplified Chinese and Hong Kong/Taiwan zh-Hant) and committed before that stop changed the lookup, as
 * the first three had been read too often to stay unseen. Reported by the bench only, with no floor test; never tuned on.
 */
export const fourthHeldOutRows = fourthRows as readonly FieldPhrasing[];

/**
 * The round-nine held-out set: collected from pages in no other corpus file (help centres, merchant Q&A, SDK issue
 * threads, news; English, simplified Chinese and Hong Kong/Taiwan/Macau zh-Hant) and committed before round nine changed
 * the lookup, as the fourth had been printed once. Reported by the bench only, with no floor test; never tuned on.
 */
export const roundNineHeldOutRows = roundNineRows as readonly FieldPhrasing[];

/** Changing the seed reshuffles the split; it is fixed so the held-out fifth stays unseen. */
export const splitSeed = 15;

/** FNV-1a over the seed and the text: a row keeps its side of the split when other rows are added. */
export const isHeldOut = (row: FieldPhrasing) => fnv1a(row.text, splitSeed) % 5 === 0;
/** Rows added for tuning after the split: all tuned, none held out. */
export const addedTrainingRows = trainingRows as readonly FieldPhrasing[];
/**
 * Where the eighth round's English batch starts in training-phrasings.json (issue 15): 128 rows from 95 pages on sites
 * and threads no earlier row uses, scored as unseen text before the rules or the model were tuned on them. Tuned like
 * the rows before them; measured against a floor of their own, as the Chinese batch is.
 */
export const eighthRoundStart = 540;
/**
 * Where the ninth round's English batch starts (issue 15): 124 rows from 80 pages on 74 sites no earlier row uses
 * (help centres, terminal manuals, SDK issue threads, merchant Q&A; UK, US, AU, NZ, ZA, SG, NG), scored as unseen text
 * before the rules or the model were tuned on them; measured against a floor of their own.
 */
export const ninthRoundStart = 668;
/**
 * Where the ninth round's second English batch starts (issue 15): 125 rows from 85 pages on 77 sites no earlier row
 * uses (vendor and acquirer help centres, terminal error-code pages, SDK issue threads, merchant boards and blogs; US,
 * UK, NZ, AU, CA, IE, EU), scored as unseen text on main before the rules or the model were tuned on them; measured
 * against a floor of their own.
 */
export const ninthRoundSecondStart = 792;
export const addedEnglishRows = addedTrainingRows.slice(eighthRoundStart, ninthRoundStart);
export const ninthRoundEnglishRows = addedTrainingRows.slice(ninthRoundStart, ninthRoundSecondStart);
export const ninthRoundEnglishRows2 = addedTrainingRows.slice(ninthRoundSecondStart);
/** The second batch of added rows, Chinese only (training-phrasings-2.json): tuned too, never held out. */
export const addedChineseRows = chineseTrainingRows as readonly FieldPhrasing[];
/**
 * Where the ninth round's Chinese batch starts in training-phrasings-2.json (issue 15): 120 rows (47 zh-Hant) from 81
 * pages on sites and pages no earlier row uses, scored as unseen text before the rules or the model were tuned on
 * them. Tuned like the rows before them; measured against a floor of their own.
 */
export const ninthRoundChineseStart = 283;
/**
 * Where the ninth round's second Chinese batch starts (issue 15): 101 rows (54 zh-Hant, 46 of them from Hong Kong,
 * Taiwan and Macau pages) from 76 pages on 68 sites no earlier row uses (HK and TW news, bank and wallet help pages,
 * transit and payment FAQs, mainland POS blogs, a wallet SDK's status codes), scored as unseen text on main before the
 * rules or the model were tuned on them; measured against a floor of their own.
 */
export const ninthRoundChineseSecondStart = 403;
export const ninthRoundChineseRows = addedChineseRows.slice(ninthRoundChineseStart, ninthRoundChineseSecondStart);
export const ninthRoundChineseRows2 = addedChineseRows.slice(ninthRoundChineseSecondStart);

/**
 * The third batch (training-phrasings-3.json, issue 15 ninth round): English, Chinese and zh-Hant rows from pages in no
 * other corpus file, about half off-topic text that sounds like trouble (payouts, fees, disputes, refunds how-to,
 * account set-up, activation) and half on-topic rows whose outcome is clear though they use outcome words, with real
 * unknown outcomes for balance. Scored as unseen text before the lookup was tuned on them; tuned too, never held out.
 */
export const ninthRoundMixedRows = ninthRoundTrainingRows as readonly FieldPhrasing[];
export const tunedRows = [
  ...fieldPhrasings.filter((row) => !isHeldOut(row)),
  ...addedTrainingRows,
  ...addedChineseRows,
  ...ninthRoundMixedRows,
];
export const heldOutRows = fieldPhrasings.filter(isHeldOut);

export interface CorpusScore {
  readonly rows: number;
  /** Share of on-topic rows whose category is right (%). */
  readonly category: number;
  /** The same over English on-topic rows only (%). */
  readonly english: number;
  /** The same over Chinese (simplified and traditional) on-topic rows, to set English against (%). */
  readonly chinese: number;
  /** Off-topic rows that matched nothing, as they must (%; 100 when there are none). */
  readonly offTopicRejected: number;
  /** Off-topic rows scored. */
  readonly offTopicRows: number;
  /** Rows naming a code whose code is read exactly (%). */
  readonly code: number;
  /** Rows without a code that were given one anyway. */
  readonly spuriousCodes: number;
  /** Unknown-outcome rows that reach the status check (%). */
  readonly unknownRecall: number;
  /** Rows with a clear outcome sent to the status check anyway (%). */
  readonly falseAlarms: number;
  /** On-topic rows nothing matched (%). */
  readonly noMatch: number;
  /** Rows labelled with a step whose step is right (%; 100 when there are none). */
  readonly step: number;
  /** Rows labelled with a step. */
  readonly stepRows: number;
  readonly misses: readonly { text: string; want: string; got: string }[];
}

const pct = (part: number, whole: number) => (whole === 0 ? 100 : Number(((part / whole) * 100).toFixed(1)));

/** Scores a matcher on some rows; `misses` lists the rows it got wrong (category, code or outcome). */
export function scoreCorpus(match: (text: string) => SymptomMatch | null, rowsToScore: readonly FieldPhrasing[]) {
  let category = 0;
  let english = 0;
  let englishRight = 0;
  let chinese = 0;
  let chineseRight = 0;
  let coded = 0;
  let codeRight = 0;
  let spuriousCodes = 0;
  let unknown = 0;
  let unknownCaught = 0;
  let clear = 0;
  let falseAlarms = 0;
  let none = 0;
  let onTopic = 0;
  let offTopic = 0;
  let offTopicRejected = 0;
  let stepped = 0;
  let stepRight = 0;
  const misses: { text: string; want: string; got: string }[] = [];
  for (const row of rowsToScore) {
    const got = match(row.text);
    if (row.category === null) {
      offTopic += 1;
      if (got === null) offTopicRejected += 1;
      else
        misses.push({
          text: row.text,
          want: 'none',
          got: `${got.category ?? 'approval'}${got.code ? ` ${got.code}` : ''}`,
        });
      continue;
    }
    onTopic += 1;
    const categoryRight = got?.category === row.category;
    if (categoryRight) category += 1;
    if (got === null) none += 1;
    if (row.lang === 'en') {
      english += 1;
      if (categoryRight) englishRight += 1;
    } else {
      chinese += 1;
      if (categoryRight) chineseRight += 1;
    }
    if (row.code !== null) {
      coded += 1;
      if (got?.code === row.code) codeRight += 1;
    } else if (got?.code) spuriousCodes += 1;
    const flagged = got?.unknownOutcome === true;
    if (row.unknownOutcome) {
      unknown += 1;
      if (flagged) unknownCaught += 1;
    } else {
      clear += 1;
      if (flagged) falseAlarms += 1;
    }
    const codeOk = row.code === null ? !got?.code : got?.code === row.code;
    const stepOk = row.step === undefined || got?.step === row.step;
    if (row.step !== undefined) {
      stepped += 1;
      if (stepOk) stepRight += 1;
    }
    if (!categoryRight || !codeOk || !stepOk || flagged !== row.unknownOutcome) {
      const describe = (c: string | null | undefined, code: string | null | undefined, u: boolean, step?: string) =>
        `${c ?? 'none'}${code ? ` ${code}` : ''}${u ? ' unknown' : ''}${step ? ` → ${step}` : ''}`;
      misses.push({
        text: row.text,
        want: describe(row.category, row.code, row.unknownOutcome, row.step),
        got: describe(got?.category, got?.code, flagged, row.step === undefined ? undefined : got?.step),
      });
    }
  }
  const score: CorpusScore = {
    rows: rowsToScore.length,
    category: pct(category, onTopic),
    english: pct(englishRight, english),
    chinese: pct(chineseRight, chinese),
    offTopicRejected: pct(offTopicRejected, offTopic),
    offTopicRows: offTopic,
    code: pct(codeRight, coded),
    spuriousCodes,
    unknownRecall: pct(unknownCaught, unknown),
    falseAlarms: pct(falseAlarms, clear),
    noMatch: pct(none, onTopic),
    step: pct(stepRight, stepped),
    stepRows: stepped,
    misses,
  };
  return score;
}
