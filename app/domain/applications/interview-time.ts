// Interview times are typed in Bishkek time (datetime-local) and stored in UTC (docs/product.md §4).
// Kyrgyzstan keeps UTC+6 all year (no daylight saving since 2005), so the offset is fixed.

/** "2026-12-01T10:00" (Bishkek) → "2026-12-01T04:00:00.000Z", or null when it is not a valid time. */
export function bishkekLocalToUtc(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h - 6, mi);
  // Reject dates such as 31 February, which Date.UTC would roll over.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  return new Date(ms).toISOString();
}
