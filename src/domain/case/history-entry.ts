/** A finished diagnosis as history keeps it, and what reading the history found: shared by persistence and ui. */
import type { CaseSummary } from './case-summary.ts';

export interface HistoryEntry {
  readonly id: string;
  /** ISO 8601 times (epoch milliseconds would pass Luhn one time in ten). */
  readonly startedAt: string | null;
  readonly endedAt: string;
  readonly summary: CaseSummary;
  readonly resolved: boolean;
}

export type HistoryLoad =
  /**
   * dropped: entries that could not be read (e.g. a step this build no longer has), moved aside;
   * newer: entries saved by a newer build, left in place for it.
   */
  | {
      readonly status: 'ok';
      readonly entries: readonly HistoryEntry[];
      readonly dropped: number;
      readonly newer: number;
    }
  | { readonly status: 'unavailable'; readonly entries: readonly HistoryEntry[] };
