// Mutation run: breaks one fact at a time in a scratch copy of the repo, runs `vitest run`, and reports which test
// caught it. Every mutant must be killed. Not part of `npm test` (one vitest run per mutant takes minutes):
//   npx tsx tests/mutation/run.ts            all mutants
//   npx tsx tests/mutation/run.ts code98 …   only these
//   npx tsx tests/mutation/run.ts --check    whether each mutant still finds its fact in the code (no test run)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Mutant {
  readonly id: string;
  /** The fact that is broken, in words. */
  readonly fact: string;
  readonly file: string;
  /** Returns the broken text; throws when the fact is no longer where the mutant expects it. */
  readonly mutate: (text: string) => string;
}

/** Replaces exactly one occurrence: a mutant that matches nothing, or several places, is a broken mutant. */
const replaceOnce = (find: string, replace: string) => (text: string) => {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(find)}`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
};

/** Changes one field of one entry of a JSON list (response-codes.json), keeping the file's layout. */
const codeField = (code: string, field: string, value: unknown) => (text: string) => {
  const entries = JSON.parse(text) as Array<Record<string, unknown>>;
  const entry = entries.find((candidate) => candidate.code === code);
  if (!entry || !(field in entry)) throw new Error(`no ${field} on code ${code}`);
  if (entry[field] === value) throw new Error(`code ${code} already has ${field} ${JSON.stringify(value)}`);
  entry[field] = value;
  return `${JSON.stringify(entries, null, 2)}\n`;
};

/** Changes a value at a dotted path of a content file (undefined deletes it). */
const contentAt = (path: string, value: unknown) => (text: string) => {
  const root = JSON.parse(text) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node = root;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (!(last in node)) throw new Error(`no ${path}`);
  if (value === undefined) delete node[last];
  else node[last] = value;
  return `${JSON.stringify(root, null, 2)}\n`;
};

const codes = 'src/domain/lookup/response-codes.json';
const machine = 'src/domain/diagnosis/diagnosis.machine.ts';

export const mutants: readonly Mutant[] = [
  {
    id: 'historyLimit',
    fact: 'the history keeps the last 50 diagnoses (kept at 2)',
    file: 'src/persistence/history-store.ts',
    mutate: replaceOnce('export const historyLimit = 50;', 'export const historyLimit = 2;'),
  },
  {
    id: 'diagnosisSchema',
    fact: 'a saved diagnosis carries schema 3 (bumped to 4)',
    file: 'src/persistence/diagnosis-store.ts',
    mutate: replaceOnce('export const diagnosisSchema = 3;', 'export const diagnosisSchema = 4;'),
  },
  {
    id: 'historySchema',
    fact: 'a history entry carries schema 2 (bumped to 3)',
    file: 'src/persistence/history-store.ts',
    mutate: replaceOnce('export const historySchema = 2;', 'export const historySchema = 3;'),
  },
  {
    id: 'code51category',
    fact: '51 is a balance/account decline (made card status)',
    file: codes,
    mutate: codeField('51', 'category', 'card_state'),
  },
  {
    id: 'code98unknown',
    fact: '98 may have charged the customer (unknown outcome turned off)',
    file: codes,
    mutate: codeField('98', 'unknownOutcome', false),
  },
  {
    id: 'code41step',
    fact: 'a lost card (41) ends at "this card can\'t be used" (sent to "ask for another card")',
    file: codes,
    mutate: codeField('41', 'step', 'card.other'),
  },
  {
    id: 'code43retry',
    fact: 'a stolen card (43) must not be retried (retry made "safe")',
    file: codes,
    mutate: codeField('43', 'retry', 'safe'),
  },
  {
    id: 'code55actor',
    fact: 'a wrong PIN (55) is for the cardholder (given to the acquirer)',
    file: codes,
    mutate: codeField('55', 'actor', 'acquirer'),
  },
  {
    id: 'safetyGate',
    fact: '"not sure if it was charged" goes to the status check first (sent to the scope question)',
    file: 'src/domain/diagnosis/flow.ts',
    mutate: replaceOnce("unknown: 'safety.query', paid: 'done.paid'", "unknown: 'scope.cards', paid: 'done.paid'"),
  },
  {
    id: 'safetyAfterCode',
    fact: 'a code with an unknown outcome goes through the status check after its card (the check is skipped)',
    file: machine,
    mutate: replaceOnce(
      'matchedUnknown: ({ context }) => context.match?.unknownOutcome === true,',
      'matchedUnknown: ({ context }) => context.match?.unknownOutcome === false,',
    ),
  },
  {
    id: 'safetySymptom',
    fact: 'a symptom with an unknown outcome opens the status check (opens its branch directly)',
    file: machine,
    mutate: replaceOnce(
      "matchNeedsCheck: ({ event }) => event.type === 'symptom.matched' && event.match.unknownOutcome,",
      'matchNeedsCheck: () => false,',
    ),
  },
  {
    id: 'timeoutMessage',
    fact: '通讯超时 leaves the outcome unknown (flag turned off)',
    file: 'src/domain/lookup/screen-messages.ts',
    mutate: replaceOnce(
      "id: 'commTimeout',\n    category: 'network',\n    step: 'network.signal',\n    unknownOutcome: true,",
      "id: 'commTimeout',\n    category: 'network',\n    step: 'network.signal',\n    unknownOutcome: false,",
    ),
  },
  {
    id: 'redactMinDigits',
    fact: 'card numbers of 13–15 digits are redacted (minimum raised to 16)',
    file: 'src/domain/case/redact.ts',
    mutate: replaceOnce('const minDigits = 13;', 'const minDigits = 16;'),
  },
  {
    id: 'redactLuhn',
    fact: 'the Luhn check doubles every second digit from the right (doubles none)',
    file: 'src/domain/case/redact.ts',
    mutate: replaceOnce('sum += i % 2 === 1 ? doubled(digit) : digit;', 'sum += digit;'),
  },
  {
    id: 'contentParity',
    fact: 'every locale has every step text (en loses network.fix.check)',
    file: 'content/en/steps.json',
    mutate: contentAt('network.fix.check', undefined),
  },
  {
    id: 'onlyFiftyOneBalance',
    fact: 'only 51 talks about balance (zh-Hant 52 mentions 餘額)',
    file: 'content/zh-Hant/codes.json',
    mutate: contentAt('52.advice', '請顧客換一張卡，或先查詢餘額。'),
  },
  {
    id: 'badFieldCheck',
    fact: 'a bad "step" in response-codes.json fails at load (the check is dropped)',
    file: 'src/domain/lookup/response-codes.ts',
    mutate: replaceOnce('    step: isStepId(entry.step),\n', ''),
  },
  {
    id: 'insertCardChip',
    fact: '请插卡 opens "insert as prompted" (sent to "how the card is held")',
    file: 'src/domain/lookup/screen-messages.ts',
    mutate: replaceOnce(
      "id: 'insertCard',\n    category: 'amount_limit',\n    step: 'limit.insert',",
      "id: 'insertCard',\n    category: 'amount_limit',\n    step: 'reading.placement',",
    ),
  },
  {
    id: 'crashLeavesStepUrl',
    fact: "Restart after a crash does not follow the broken step's URL back in (the reset is dropped)",
    file: 'src/app/app.tsx',
    mutate: replaceOnce('    forgetStepInUrl();\n', ''),
  },
];

/** A copy of the tracked files (as they are in the working tree) with node_modules linked, not copied. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tapfix-mutation-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(repoRoot, file), join(dir, file));
    } catch {
      // Deleted in the working tree but still in the index.
    }
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

interface VitestReport {
  testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

/**
 * Runs vitest in the copy (all files, stopping at the first failure, or the files given, to the end); returns the
 * failed tests ("file > name").
 */
function runVitest(dir: string, files: readonly string[] = []): { failed: string[]; status: number | null } {
  const out = join(dir, 'mutation-report.json');
  rmSync(out, { force: true });
  const run = spawnSync(
    process.execPath,
    // A long test timeout: a mutant must be caught by an assertion, not by a slow machine.
    [
      join(dir, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      ...(files.length ? files : ['--bail=1']),
      '--testTimeout=60000',
      '--reporter=json',
      `--outputFile=${out}`,
    ],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' }, maxBuffer: 64 * 1024 * 1024 },
  );
  let failed: string[];
  try {
    const report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
    failed = report.testResults.flatMap((file) =>
      file.assertionResults
        .filter((test) => test.status === 'failed')
        .map((test) => `${file.name.slice(dir.length + 1)} > ${test.fullName}`),
    );
  } catch {
    failed = run.status === 0 ? [] : [`(no report; exit ${run.status}) ${run.stderr.split('\n').slice(-5).join(' ')}`];
  }
  return { failed, status: run.status };
}

/** `--check`: only says whether every mutant still finds its fact in today's code (seconds, no test run). */
function check(): boolean {
  let fits = true;
  for (const mutant of mutants) {
    try {
      mutant.mutate(readFileSync(join(repoRoot, mutant.file), 'utf8'));
      console.log(`fits     ${mutant.id}`);
    } catch (error) {
      fits = false;
      console.log(`STALE    ${mutant.id} (${mutant.file}): ${(error as Error).message}`);
    }
  }
  return fits;
}

function main() {
  if (process.argv.includes('--check')) {
    process.exitCode = check() ? 0 : 1;
    return;
  }
  const only = process.argv.slice(2);
  const chosen = only.length ? mutants.filter((mutant) => only.includes(mutant.id)) : mutants;
  if (chosen.length === 0) throw new Error(`no mutant named ${only.join(', ')}`);
  const dir = scratchCopy();
  const results: Array<{ mutant: Mutant; killed: boolean; by: string[] }> = [];
  try {
    const baseline = runVitest(dir);
    if (baseline.status !== 0) throw new Error(`the unmutated suite fails: ${baseline.failed.join('; ')}`);
    for (const mutant of chosen) {
      const path = join(dir, mutant.file);
      const original = readFileSync(path, 'utf8');
      writeFileSync(path, mutant.mutate(original));
      try {
        const first = runVitest(dir);
        // On a busy machine a test can fail for its own reasons: a kill counts only when the failing files, run
        // again with the mutant, fail the same test again; otherwise the whole suite runs once more, to the end.
        let by: string[] = [];
        if (first.status !== 0) {
          const files = [...new Set(first.failed.map((test) => test.split(' > ')[0] ?? ''))].filter(Boolean);
          const again = files.length ? runVitest(dir, files).failed : [];
          by = first.failed.filter((test) => again.includes(test));
          if (by.length === 0) by = runVitest(dir, ['tests']).failed;
        }
        results.push({ mutant, killed: by.length > 0, by });
        console.log(`${by.length ? 'killed  ' : 'SURVIVED'} ${mutant.id}: ${by[0] ?? '(no test failed twice)'}`);
      } finally {
        writeFileSync(path, original);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\n| mutant | fact broken | killed by |\n| --- | --- | --- |');
  for (const { mutant, killed, by } of results) {
    const caught = killed
      ? by.slice(0, 2).join('; ') + (by.length > 2 ? ` (+${by.length - 2} more)` : '')
      : '**SURVIVED**';
    console.log(`| ${mutant.id} | ${mutant.fact} | ${caught} |`);
  }
  const survivors = results.filter((result) => !result.killed).length;
  console.log(`\n${results.length - survivors}/${results.length} mutants killed`);
  process.exitCode = survivors === 0 ? 0 : 1;
}

main();
