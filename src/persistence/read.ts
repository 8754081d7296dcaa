/**
 * Reading stored data back: one guard for plain objects and one reader for the versioned envelopes every store
 * writes ({ schema, … }). Stored data is input like any other: it may be broken, older or from a newer build.
 */
import { containsCardNumber } from '../domain/case/redact.ts';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An ISO time string of sane length that parses. */
export const isTime = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 40 && Number.isFinite(Date.parse(value));

/**
 * What an envelope holds: its fields (schema matched), or why it cannot be used here. 'older' and 'newer' are
 * readable JSON of another schema ('older' also for data from before envelopes had a schema); 'unreadable' is
 * anything else, a card number included.
 */
export type EnvelopeRead =
  | { readonly status: 'ok'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly status: 'older' }
  | { readonly status: 'newer' }
  | { readonly status: 'unreadable' };

/** Parses raw stored text as an envelope of this schema; never throws. */
export function readEnvelope(raw: unknown, { schema, maxChars }: { schema: number; maxChars: number }): EnvelopeRead {
  if (typeof raw !== 'string' || raw.length > maxChars || containsCardNumber(raw)) return { status: 'unreadable' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { status: 'unreadable' };
  }
  if (!isRecord(parsed)) return { status: 'unreadable' };
  if (parsed.schema === schema) return { status: 'ok', body: parsed };
  if (parsed.schema === undefined) return { status: 'older' };
  if (typeof parsed.schema !== 'number' || !Number.isInteger(parsed.schema)) return { status: 'unreadable' };
  return { status: parsed.schema > schema ? 'newer' : 'older' };
}
