// Symptom matching speed: every input of the unit-test table, and 1,000-character pastes; one call timed at a time.
// Each figure is taken in several rounds and the median round is reported (the worst round beside it), so one
// burst of load from other processes on a shared machine does not become "the" p99.
import { loadavg } from 'node:os';
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import { symptomCases } from '../unit/symptom-cases.ts';

export interface SymptomBench {
  /** Per call, over the test-table inputs (ms). */
  readonly medianMs: number;
  readonly p99Ms: number;
  /** Per call, over 1,000-character inputs (ms). */
  readonly longMedianMs: number;
  readonly longP99Ms: number;
  /** The p99 of the slowest round, short and long inputs (ms): how far load on the machine moved it. */
  readonly p99WorstRoundMs: number;
  readonly longP99WorstRoundMs: number;
  /** p99 over the inputs of each one's fastest call: what the lookup itself costs, whatever else the CPU does (ms). */
  readonly p99OwnMs: number;
  readonly longP99OwnMs: number;
  /** One-minute load average of the machine when timed (other processes competing for the CPU). */
  readonly loadAverage: number;
  /** Rows in the test table. */
  readonly cases: number;
  /** Timing rounds; each figure above is the median round. */
  readonly rounds: number;
}

const iterations = 2000;
const warmUp = 300;
const rounds = 5;
const longLength = 1000;

/** A merchant's long message: the table input buried in a story, cut to 1,000 characters. */
const filler =
  '顾客刚才在收银台挥卡付款，终端响了一声以后屏幕上出现了一行字，我也看不太懂，The customer tapped again. ';

function longInput(input: string, index: number): string {
  const head = filler.repeat(Math.ceil(longLength / filler.length)).slice(0, (index * 37) % 400);
  return `${head}${input.slice(0, 200)}${filler.repeat(Math.ceil(longLength / filler.length))}`.slice(0, longLength);
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/** One round of calls, each timed separately, so one slow input shows in the p99 instead of vanishing in an average. */
function timeRound(inputs: readonly string[], count: number, fastest: number[]): { median: number; p99: number } {
  for (let i = 0; i < warmUp; i += 1) matchSymptom(inputs[i % inputs.length] ?? '');
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const index = i % inputs.length;
    const start = performance.now();
    matchSymptom(inputs[index] ?? '');
    const took = performance.now() - start;
    times.push(took);
    if (took < (fastest[index] ?? Infinity)) fastest[index] = took;
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

/**
 * Several rounds of the same calls: the median round's figures, the p99 of the worst round, and the p99 over the
 * inputs of each input's fastest call (its own cost, with waits for a busy CPU and collector pauses left out).
 */
function timeCalls(
  inputs: readonly string[],
  count: number,
): { median: number; p99: number; worstP99: number; ownP99: number } {
  const fastest = inputs.map(() => Infinity);
  const results = Array.from({ length: rounds }, () => timeRound(inputs, count, fastest));
  const middle = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  return {
    median: middle(results.map((result) => result.median)),
    p99: middle(results.map((result) => result.p99)),
    worstP99: Math.max(...results.map((result) => result.p99)),
    ownP99: percentile(
      fastest.filter((time) => Number.isFinite(time)).sort((a, b) => a - b),
      0.99,
    ),
  };
}

const round = (value: number) => Number(value.toFixed(4));

export async function benchSymptoms(): Promise<SymptomBench> {
  const inputs = symptomCases.map((row) => row.input);
  const short = timeCalls(inputs, Math.max(iterations, inputs.length * 4));
  const long = timeCalls(
    inputs.map((input, index) => longInput(input, index)),
    iterations,
  );
  return {
    medianMs: round(short.median),
    p99Ms: round(short.p99),
    longMedianMs: round(long.median),
    longP99Ms: round(long.p99),
    p99WorstRoundMs: round(short.worstP99),
    longP99WorstRoundMs: round(long.worstP99),
    p99OwnMs: round(short.ownP99),
    longP99OwnMs: round(long.ownP99),
    loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
    cases: inputs.length,
    rounds,
  };
}
