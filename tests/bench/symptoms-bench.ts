// Symptom matching speed: every input of the unit-test table, and 1,000-character pastes; one call timed at a time.
import { matchSymptom } from '../../src/domain/lookup/symptoms.ts';
import { symptomCases } from '../unit/symptom-cases.ts';

export interface SymptomBench {
  /** Per call, over the test-table inputs (ms). */
  readonly medianMs: number;
  readonly p99Ms: number;
  /** Per call, over 1,000-character inputs (ms). */
  readonly longMedianMs: number;
  readonly longP99Ms: number;
  /** Rows in the test table. */
  readonly cases: number;
}

const iterations = 2000;
const warmUp = 300;
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

/** Times each call separately, so one slow input shows in the p99 instead of vanishing in an average. */
function timeCalls(inputs: readonly string[], count: number): { median: number; p99: number } {
  for (let i = 0; i < warmUp; i += 1) matchSymptom(inputs[i % inputs.length] ?? '');
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const input = inputs[i % inputs.length] ?? '';
    const start = performance.now();
    matchSymptom(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99) };
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
    cases: inputs.length,
  };
}
