// The median used for pay: whole KGS, as published figures are.

/**
 * Median of whole-KGS amounts, or null for none. An even count takes the mean of the two middle
 * amounts rounded to whole KGS, half a som up (20 000 and 20 001 → 20 001).
 */
export function medianWholeKgs(amounts: readonly number[]): number | null {
  if (amounts.length === 0) return null;
  const sorted = Float64Array.from(amounts).sort(); // numeric order, no comparator call per pair
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return Math.round(sorted[mid]!);
  return Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
