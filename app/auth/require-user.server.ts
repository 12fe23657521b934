// The one place that decides who may pass: every loader and action starts here.
import { redirect } from "@remix-run/node";
import type { Role } from "@db/schema";
import { homeFor } from "~/domain/home";
import { forbidden } from "~/utils/http.server";
import { getSessionUser, type SessionUser } from "./session.server";
import { enforceTwoStep } from "./two-step.server";

export type { SessionUser };

/** Placement-office pages: staff, and admins who oversee them. */
export const STAFF_ROLES = ["staff", "admin"] as const;

/**
 * The signed-in user or null. A staff or admin account that must set up two-step sign-in is sent to
 * its set-up page from here and from requireUser: every loader passes one of them (decision 066).
 */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const user = await getSessionUser(request);
  if (user) await enforceTwoStep(request, user);
  return user;
}

/**
 * The signed-in user, or: a redirect to /login?redirectTo=… when signed out,
 * a 403 when the role is not one of those allowed.
 */
export async function requireUser(request: Request, options: { role?: Role | readonly Role[] } = {}): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  await enforceTwoStep(request, user);
  if (options.role) {
    const allowed: readonly Role[] = typeof options.role === "string" ? [options.role] : options.role;
    if (!allowed.includes(user.role)) forbidden();
  }
  return user;
}

/**
 * Pages such as /login and /join are for signed-out people; a signed-in one goes where signing in
 * would have sent them: their own landing page (homeFor), never the password form (issue 14).
 */
export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getSessionUser(request);
  if (user) throw redirect(homeFor(user.role));
}
