// Who must use two-step sign-in, and from when (docs/product.md §8, docs/decisions/066-two-step-sign-in.md):
// staff and admins, after a grace period an admin sets, counted from the later of the account's
// creation and the day the rule took effect; employers and graduates may choose it. Demo accounts skip it.
import type { Role } from "@db/schema";

export const DEFAULT_GRACE_DAYS = 14;
export const MAX_GRACE_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;

export type TwoStepPolicy = { graceDays: number; since: string };

export type TwoStepRequirement =
  { kind: "on" } | { kind: "optional" } | { kind: "demo" } | { kind: "grace"; daysLeft: number; deadline: string } | { kind: "required" };

export function requiresTwoStep(role: Role): boolean {
  return role === "staff" || role === "admin";
}

/** The moment after which an account of a staff role without two-step can do nothing else. */
export function graceDeadline(accountCreatedAt: string, policy: TwoStepPolicy): Date {
  const start = Math.max(Date.parse(accountCreatedAt), Date.parse(policy.since));
  return new Date(start + policy.graceDays * DAY_MS);
}

export function twoStepRequirement(
  account: { role: Role; createdAt: string; enabled: boolean; demo: boolean },
  policy: TwoStepPolicy,
  now: Date,
): TwoStepRequirement {
  if (account.enabled) return { kind: "on" };
  if (!requiresTwoStep(account.role)) return { kind: "optional" };
  if (account.demo) return { kind: "demo" };
  const deadline = graceDeadline(account.createdAt, policy);
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return { kind: "required" };
  return { kind: "grace", daysLeft: Math.ceil(left / DAY_MS), deadline: deadline.toISOString() };
}

/** Recovery codes: ten letters and digits in two groups (about 49 bits), read from paper. */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, "");
}
