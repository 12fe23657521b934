// A graduate's invitation code (docs/product.md §3): whether it can still be used, and its state
// as the placement office's lists show it.

export type InvitationProblem = "errors.inviteUnknown" | "errors.inviteUsed" | "errors.inviteExpired";

export function invitationProblem(
  invitation: { used_at: string | null; user_id: number | null; expires_at: string } | undefined,
  now = new Date(),
): InvitationProblem | null {
  if (!invitation) return "errors.inviteUnknown";
  if (invitation.used_at || invitation.user_id) return "errors.inviteUsed";
  if (invitation.expires_at <= now.toISOString()) return "errors.inviteExpired";
  return null;
}

/** How a graduate's invitation stands today. */
export function invitationState(
  g: { code: string | null; expires_at: string | null; used_at: string | null; user_id: number | null },
  now = new Date().toISOString(),
) {
  if (!g.code) return { kind: "none" as const };
  if (g.used_at || g.user_id) return { kind: "used" as const, date: g.used_at };
  if (g.expires_at && g.expires_at <= now) return { kind: "expired" as const };
  return { kind: "open" as const, date: g.expires_at };
}
