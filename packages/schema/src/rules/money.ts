/**
 * Money as integer micro-euros (1 EUR = 1 000 000), so sums over any number of
 * sends stay exact; amounts are written as decimal strings only at the edge.
 */
export const MICROS_PER_UNIT = 1_000_000;

/**
 * The largest amount kept, in micro-units: one billion (1 000 000 000 EUR).
 * Every sum of amounts up to it stays an exact integer in a double (it is far
 * below 2^53), so balances never drift; larger amounts are refused, never rounded.
 */
export const MAX_AMOUNT_MICROS = 1_000_000_000 * MICROS_PER_UNIT;

/**
 * Parses a decimal amount ("0.038", "12", "10225.119") into micro-units, or
 * undefined when it is not one, has more than six decimals, or exceeds
 * {@link MAX_AMOUNT_MICROS}.
 */
export function parseAmount(text: string): number | undefined {
  const match = /^(\d{1,10})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) return undefined;
  const micros = Number(match[1]) * MICROS_PER_UNIT + Number((match[2] ?? '').padEnd(6, '0'));
  return micros <= MAX_AMOUNT_MICROS ? micros : undefined;
}

/** Writes micro-units as a decimal string with `decimals` places, rounding half up. */
export function formatAmount(micros: number, decimals = 3): string {
  const step = 10 ** (6 - decimals);
  const rounded = Math.round(micros / step);
  const sign = rounded < 0 ? '-' : '';
  const abs = Math.abs(rounded);
  const units = Math.floor(abs / 10 ** decimals);
  const fraction = String(abs % 10 ** decimals).padStart(decimals, '0');
  return decimals === 0 ? `${sign}${units}` : `${sign}${units}.${fraction}`;
}
