// A rate always travels with its numerator and denominator, so every figure can say what stands behind it.

import { SMALL_N } from "./codes";

export type Rate = {
  numerator: number;
  denominator: number;
  /** numerator / denominator in 0..1; null when the denominator is 0 (nothing to divide). */
  value: number | null;
  /** The denominator is under SMALL_N: marked for staff, hidden on public pages (docs/product.md §6). */
  smallN: boolean;
};

export function rate(numerator: number, denominator: number): Rate {
  return {
    numerator,
    denominator,
    value: denominator > 0 ? numerator / denominator : null,
    smallN: denominator < SMALL_N,
  };
}
