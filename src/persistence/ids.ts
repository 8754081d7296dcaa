/**
 * Random ids for diagnoses and windows: letters only, so no id can ever look like part of a card number
 * (a UUID's digit groups joined by dashes can pass the Luhn check).
 */
export function newId(length = 12): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => String.fromCharCode(97 + (byte % 26))).join('');
}

export const isId = (value: unknown): value is string => typeof value === 'string' && /^[a-z]{6,40}$/.test(value);
