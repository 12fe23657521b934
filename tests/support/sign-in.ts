// Signs an account in over HTTP through the real login form's action, as a browser would, and
// returns the session cookie ("__session=…") to send with the next requests.
import { expect } from "vitest";

/** The demo accounts' password (db/seed/demo.ts). */
export const DEMO_PASSWORD = "demo-portal-2026";

export async function signInOverHttp(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password }),
  });
  await res.arrayBuffer();
  expect(res.status, `sign-in as ${email}`).toBe(302);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("__session="))!
    .split(";")[0]!;
}
