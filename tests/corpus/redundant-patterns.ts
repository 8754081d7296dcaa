/**
 * Lists lexicon and screen-message patterns that cannot change an answer, folding each with the lookup's own fold
 * (normalizeSymptomInput): a concept keyword another keyword of the concept folds to (the matcher reads it once
 * and keeps the other), a list entry or message variant that compiles the same as an earlier one, a list entry
 * read only as "any of" that contains a shorter entry of the same list, and a typo or synonym the earlier folding
 * (lower case, full width, traditional → simplified) leaves no way to reach. Candidates, not verdicts: confirm a
 * removal with answers-unchanged.ts. `npx tsx tests/corpus/redundant-patterns.ts` prints them.
 */
import * as lexicon from '../../src/domain/lookup/lexicon.ts';
import { screenMessages, type ScreenMessage } from '../../src/domain/lookup/screen-messages.ts';
import { normalizeSymptomInput } from '../../src/domain/lookup/symptoms.ts';

export interface Candidate {
  readonly list: string;
  readonly pattern: string;
  readonly because: string;
}

const hasHan = (value: string) => /\p{Script=Han}/u.test(value);

/** How the matcher compiles a pattern, as a comparable key: anchors, and each piece folded as the input is. */
function compiledForm(raw: string, stem = true): string {
  const marks = /^[\^=]/.test(raw) ? raw.charAt(0) : '';
  const body = marks === '' ? raw : raw.slice(1);
  const fold = (piece: string) => {
    const norm = normalizeSymptomInput(piece);
    return hasHan(body) ? norm.compact : stem ? norm.stemmed : norm.spaced;
  };
  return JSON.stringify([marks, hasHan(body), body.split('*').map((part) => part.split('~').map(fold))]);
}

/** Lists read only as "does any entry match" (never their position or length), with whether they check negation. */
const anyLists: Record<string, { patterns: readonly string[]; negatable: boolean; masks?: boolean }> = {
  'outcomeSignals.inProgress': { patterns: lexicon.outcomeSignals.inProgress, negatable: false },
  'outcomeSignals.dropped': { patterns: lexicon.outcomeSignals.dropped, negatable: true },
  'outcomeSignals.done': { patterns: lexicon.outcomeSignals.done, negatable: true },
  'outcomeSignals.notDone': { patterns: lexicon.outcomeSignals.notDone, negatable: true },
  'outcomeSignals.question': { patterns: lexicon.outcomeSignals.question, negatable: false },
  'outcomeSignals.notStarted': { patterns: lexicon.outcomeSignals.notStarted, negatable: false },
  'phases.signOn': { patterns: lexicon.phases.signOn, negatable: true },
  'phases.settle': { patterns: lexicon.phases.settle, negatable: true },
  'phases.entry': { patterns: lexicon.phases.entry, negatable: true },
  'phases.cardEntry': { patterns: lexicon.phases.cardEntry, negatable: true },
  hedges: { patterns: lexicon.hedges, negatable: false },
  otherTender: { patterns: lexicon.otherTender, negatable: false },
  troubleCues: { patterns: lexicon.troubleCues, negatable: false },
  phoneTerminals: { patterns: lexicon.phoneTerminals, negatable: false },
  // Off-topic words also mask the text trouble cues are looked for in: only an exact twin is redundant.
  offTopics: { patterns: lexicon.offTopics, negatable: false, masks: true },
};

/** A plain Chinese literal: no gap, negation or anchor. */
const plainHan = (raw: string) => hasHan(raw) && !/[*~^=]/.test(raw);

export function redundantPatterns(): Candidate[] {
  const found: Candidate[] = [];
  for (const concept of lexicon.concepts) {
    // The matcher keeps, per folded form, the heaviest keyword (the first on a tie) and drops the rest.
    const kept = new Map<string, [string, number]>();
    for (const [pattern, weight] of Object.entries(concept.keywords)) {
      if (!hasHan(pattern)) continue;
      const form = normalizeSymptomInput(pattern).text;
      const other = kept.get(form);
      if (other === undefined || weight > other[1]) kept.set(form, [pattern, weight]);
    }
    for (const [pattern] of Object.entries(concept.keywords)) {
      if (!hasHan(pattern)) continue;
      const winner = kept.get(normalizeSymptomInput(pattern).text);
      if (winner && winner[0] !== pattern)
        found.push({ list: `concept ${concept.id}`, pattern, because: `folds to ${winner[0]} (read once)` });
    }
  }
  for (const [list, { patterns, negatable, masks }] of Object.entries(anyLists)) {
    const seen = new Map<string, string>();
    patterns.forEach((pattern, index) => {
      const form = compiledForm(pattern);
      const twin = seen.get(form);
      if (twin !== undefined) {
        found.push({ list, pattern, because: `compiles as ${twin}` });
        return;
      }
      seen.set(form, pattern);
      if (!hasHan(pattern)) {
        // English is found at its first place only, so a negation check may differ; a whole `*` piece of a longer
        // entry is found wherever that entry is (gaps begin and end with a space), and off-topic English masks nothing.
        if (negatable) return;
        const words = (raw: string) => normalizeSymptomInput(raw).stemmed;
        const wholePieces = pattern
          .replace(/^[\^=]/, '')
          .split('*')
          .filter((piece) => !piece.includes('~'))
          .map(words);
        const piece = patterns.find(
          (other, at) => at !== index && !hasHan(other) && !/[*~^=]/.test(other) && wholePieces.includes(words(other)),
        );
        if (piece !== undefined) found.push({ list, pattern, because: `contains ${piece}` });
        return;
      }
      if (masks) return;
      const compact = (raw: string) => normalizeSymptomInput(raw).compact;
      const pieces = pattern
        .replace(/^[\^=]/, '')
        .split(/[*~]/)
        .map(compact);
      const shorter = patterns.find((other, at) => {
        if (at === index || !plainHan(other) || compiledForm(other) === form) return false;
        const literal = compact(other);
        // With negation checked, only a prefix is found at the same place and so read the same way.
        if (negatable)
          return (
            !/^[~^]/.test(pattern) &&
            !/^(?:没|不|未|无|别|并非)/.test(pieces[0] ?? '') &&
            !/^(?:没|不|未|无|别|并非)/.test(literal) &&
            (pieces[0] ?? '').startsWith(literal) &&
            // Money words are read as moved unless a failure follows them: the longer entry's rest must not be one.
            !/^(?:失败|不成功|没成功|不了|出错|异常)/.test((pieces[0] ?? '').slice(literal.length)) &&
            !selfOverlapping(literal)
          );
        return pieces.some((piece) => piece.includes(literal));
      });
      if (shorter !== undefined) found.push({ list, pattern, because: `contains ${shorter}` });
    });
  }
  for (const message of screenMessages as readonly ScreenMessage[]) {
    const seen = new Map<string, string>();
    for (const variant of message.variants) {
      const form = `${variant.startsWith('?') || message.generic === true}${compiledForm(variant.replace(/^\?/, ''), false)}`;
      const twin = seen.get(form);
      if (twin !== undefined)
        found.push({ list: `message ${message.id}`, pattern: variant, because: `compiles as ${twin}` });
      else seen.set(form, variant);
    }
  }
  // Negation words are read folded and once: a word that folds to another of its list adds nothing.
  const negationLists: Record<string, readonly string[]> = {
    'negations.before': lexicon.negations.before,
    'negations.questions': lexicon.negations.questions,
    'negationClass.zh': lexicon.negationClass.zh,
  };
  for (const [list, words] of Object.entries(negationLists)) {
    // The word already in its folded form is the one to keep ("没", not "没有").
    const form = (word: string) => normalizeSymptomInput(word).text;
    for (const word of words) {
      const twin = words.find((other) => other !== word && form(other) === form(word));
      const keeper = words.find((other) => form(other) === other && other === form(word)) ?? twin;
      if (
        twin !== undefined &&
        keeper !== undefined &&
        keeper !== word &&
        (form(word) !== word || words.indexOf(keeper) < words.indexOf(word))
      )
        found.push({ list, pattern: word, because: `folds to ${keeper}` });
    }
  }
  // Word lists tested as an alternation at the text's end (the words before a code) or its start (after one): a word
  // ending (starting) with another word of its list is found whenever it is.
  const ends: Record<string, readonly string[]> = {
    notCodeBefore: lexicon.notCodeBefore,
    codeKeywordsBefore: lexicon.codeKeywordsBefore,
  };
  for (const [list, words] of Object.entries(ends)) {
    for (const word of words) {
      const shorter = words.find((other) => other !== word && word.endsWith(other));
      if (shorter !== undefined) found.push({ list, pattern: word, because: `ends with ${shorter}` });
    }
  }
  for (const word of lexicon.codeKeywordsAfter) {
    const shorter = lexicon.codeKeywordsAfter.find((other) => other !== word && word.startsWith(other));
    if (shorter !== undefined)
      found.push({ list: 'codeKeywordsAfter', pattern: word, because: `starts with ${shorter}` });
  }
  // After a code a Latin word must end there ("51 min" is not "51 mins"' min): only a Han word is found inside another.
  for (const word of lexicon.notCodeAfter) {
    const shorter = lexicon.notCodeAfter.find(
      (other) => other !== word && word.startsWith(other) && !/[a-z]/.test(word.charAt(other.length)),
    );
    if (shorter !== undefined) found.push({ list: 'notCodeAfter', pattern: word, because: `starts with ${shorter}` });
  }
  const twins: Record<string, readonly string[]> = {
    ignoredPhrases: lexicon.ignoredPhrases,
    merchantHeads: lexicon.merchantHeads,
    keyWords: lexicon.keyWords,
    englishSynonymForms: lexicon.englishSynonyms.flatMap(([, forms]) => forms),
  };
  for (const [list, words] of Object.entries(twins)) {
    const seen = new Set<string>();
    for (const word of words) {
      const form = JSON.stringify(normalizeSymptomInput(word));
      if (seen.has(form)) found.push({ list, pattern: word, because: 'a twin' });
      seen.add(form);
    }
  }
  // Typos and synonyms are looked for after lower case, NFKC and traditional → simplified: a form those change never occurs.
  const folded = (text: string) =>
    [...text.normalize('NFKC').toLowerCase()]
      .map((char) => lexicon.traditionalPairs.find((pair) => pair.charAt(0) === char)?.charAt(1) ?? char)
      .join('');
  for (const [typo] of [...lexicon.confusables, ...lexicon.chineseSynonyms])
    if (folded(typo) !== typo)
      found.push({ list: 'confusables/chineseSynonyms', pattern: typo, because: 'unreachable' });
  const firstPair = new Map<string, string>();
  for (const pair of lexicon.traditionalPairs) {
    if (pair.charAt(0) === pair.charAt(1) || firstPair.has(pair.charAt(0)))
      found.push({ list: 'traditionalPairs', pattern: pair, because: 'no change or repeated' });
    firstPair.set(pair.charAt(0), pair);
  }
  return found;
}

/** A literal that can overlap itself ("卡卡"): a global match may step over one of its places. */
function selfOverlapping(literal: string): boolean {
  for (let size = 1; size < literal.length; size += 1) if (literal.slice(0, size) === literal.slice(-size)) return true;
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const candidates = redundantPatterns();
  for (const { list, pattern, because } of candidates) console.log(`${list}\t${pattern}\t${because}`);
  console.log(`${candidates.length} candidates`);
}
