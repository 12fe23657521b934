// Whether a colleague's invitation code to a company can still be used (docs/product.md §3).

export type CompanyInviteProblem = "companies.inviteUnknown" | "companies.inviteUsed" | "companies.inviteExpired";

export function companyInviteProblem(invite: { used_at: string | null; expires_at: string } | undefined, now = new Date()): CompanyInviteProblem | null {
  if (!invite) return "companies.inviteUnknown";
  if (invite.used_at) return "companies.inviteUsed";
  if (invite.expires_at <= now.toISOString()) return "companies.inviteExpired";
  return null;
}
