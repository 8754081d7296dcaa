/** Who is helping in support mode: the seat the scripts and the escalation speak from. */
export const seats = ['acquirer', 'bank', 'manager'] as const;

export type Seat = (typeof seats)[number];

export function isSeat(value: unknown): value is Seat {
  return typeof value === 'string' && (seats as readonly string[]).includes(value);
}
