// Where each role lands after signing in.
import type { Role } from "@db/schema";

/** Where each role lands after signing in or signing up: its own work, never the password form (issue 14). */
export function homeFor(role: Role): string {
  return role === "admin" ? "/admin" : role === "staff" ? "/staff" : role === "graduate" ? "/me/profile" : "/employer";
}
