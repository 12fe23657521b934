/// <reference types="vite/client" />
// Issue 7 part 1 — the authorization matrix (docs/product.md §8: every loader and action checks role
// AND ownership). Every route module in app/routes is visited — its loader, and its action
// once per intent it accepts — by each of nine actors (since issue 19 a school-scoped officer, narynStaff), and the outcome must be exactly the
// one in the table below. A route file missing from the table fails the completeness test,
// so a new route cannot be added without saying who may use it.
//
// Outcomes:
//   "ok"      allowed: not a sign-in redirect, not 401/403/404 and never 5xx. For actions a
//             400/409/422 still counts as allowed — the body is deliberately minimal; the
//             matrix checks who gets past the door, the per-area tests check what is done.
//   "ok:nothing" allowed, but the named record is someone else's: the answer is the same as
//             for a record that does not exist and the database must not change
//   "login"   redirect to /login?redirectTo=…
//   "home"    redirect to the actor's own landing page, where signing in sends them (homeFor;
//             pages for signed-out people only)
//   403 / 404 the status exactly (404 when merely naming someone else's record must not
//             reveal that it exists)
// Every case that is not "ok" must also leave the database exactly as it was (snapshot).
//
// The world: graduate A (profile visible to employers, two projects, an image, a skill, an
// application to company X, a saved search, a notification, an outcome record, a survey
// link), graduate B (public, hired by X), verified companies X and Y with vacancies, a
// pending company, a staged CSV import, a password-reset link. "B" acts on A's things and
// "employer Y" on X's things wherever a route takes an id, slug or token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { openDatabase } from "@db/connection";
import { unsubscribeToken } from "~/auth/unsubscribe-token.server";
import { useConnection } from "~/db.server";
import { ACTORS, type Actor, buildWorld, type World } from "../support/authz-world";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { PASSWORD } from "../support/factories";
import { call, type Outcome } from "../support/remix";
import { WriteWatch } from "../support/write-watch";

const UPLOAD_DIR = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/authz-uploads-${process.pid}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});

const ROUTES_DIR = path.resolve(__dirname, "../../app/routes");
const routeModules = import.meta.glob("../../app/routes/*.{ts,tsx}");

export type Expected = "ok" | "ok:nothing" | "login" | "home" | 403 | 404;
export type Expectations = Record<Actor, Expected>;

// ---- who may pass, in a few common shapes -------------------------------------------------

const all = (e: Expected): Expectations => Object.fromEntries(ACTORS.map((a) => [a, e])) as Expectations;
const signedInOnly = (e: Expected): Expectations => ({ ...all(e), visitor: "login" });
/** Anyone signed in. */
const SIGNED_IN = signedInOnly("ok");
/** /me pages without an id: each graduate works on their own record. */
const GRADUATE = { ...signedInOnly(403), gradA: "ok", gradB: "ok" } satisfies Expectations;
/** /me pages naming graduate A's record: B gets 404. */
const GRADUATE_A = { ...GRADUATE, gradB: 404 } satisfies Expectations;
/** Staff pages: the Agency's staff, admins and the school-scoped officer (narynStaff, A's school). */
const STAFF = { ...signedInOnly(403), staff: "ok", admin: "ok", narynStaff: "ok" } satisfies Expectations;
/** A record of B's school (not the scoped officer's): 404 for narynStaff, as for no such record (decision 063). */
const STAFF_OTHER_SCHOOL = { ...STAFF, narynStaff: 404 } satisfies Expectations;
/** Company and vacancy work belongs to no school: the whole Agency's staff only, 403 for the scoped officer (decision 063). */
const AGENCY_STAFF = { ...STAFF, narynStaff: 403 } satisfies Expectations;
const ADMIN = { ...signedInOnly(403), admin: "ok" } satisfies Expectations;
/** Members of a verified company, on their own company's pages. */
const VERIFIED_EMPLOYER = { ...signedInOnly(403), empX: "ok", empY: "ok" } satisfies Expectations;
/** Naming company X's vacancy or application: Y gets 404. */
const EMPLOYER_X = { ...VERIFIED_EMPLOYER, empY: 404 } satisfies Expectations;
/** Pages for signed-out people (sign-in, join, sign-up). */
const ANONYMOUS = { ...all("home"), visitor: "ok" } satisfies Expectations;

type ActionCase = { intent?: string; body?: (w: World) => [string, string][]; multipart?: boolean; expect: Expectations; note?: string };
export type Row = {
  file: string;
  /** The URL, filled from the world. */
  url: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  loader?: Expectations;
  actions?: ActionCase[];
  note?: string;
};

const f = (pairs: Record<string, string | number>): [string, string][] => Object.entries(pairs).map(([k, v]) => [k, String(v)]);

// ---- the matrix: one or more rows per route file -------------------------------------------

export const MATRIX: Row[] = [
  // public pages and resources
  { file: "$.tsx", url: () => "/no/such/page", params: () => ({ "*": "no/such/page" }), loader: all(404), actions: [{ expect: all(404) }] },
  { file: "_index.tsx", url: () => "/", loader: all("ok") },
  { file: "healthz.ts", url: () => "/healthz", loader: all("ok") },
  { file: "feed[.xml].ts", url: () => "/feed.xml", loader: all("ok") },
  { file: "vacancies._index.tsx", url: () => "/vacancies", loader: all("ok") },
  { file: "outcomes.tsx", url: () => "/outcomes", loader: all("ok") },
  { file: "vacancies.$id.tsx", url: (w) => `/vacancies/${w.x.vacancyId}`, params: (w) => ({ id: String(w.x.vacancyId) }), loader: all("ok") },
  {
    file: "vacancies.$id.tsx",
    note: "a draft: only its company and the whole-Agency staff (a school-scoped officer does not moderate: decision 063)",
    url: (w) => `/vacancies/${w.x.draftVacancyId}`,
    params: (w) => ({ id: String(w.x.draftVacancyId) }),
    loader: { ...all(404), empX: "ok", staff: "ok", admin: "ok", narynStaff: 404 },
  },
  { file: "companies._index.tsx", url: () => "/companies", loader: all("ok") },
  { file: "companies.$slug.tsx", url: (w) => `/companies/${w.x.slug}`, params: (w) => ({ slug: w.x.slug }), loader: all("ok") },
  {
    file: "companies.$slug.tsx",
    note: "a pending company has no public page",
    url: (w) => `/companies/${w.pending.slug}`,
    params: (w) => ({ slug: w.pending.slug }),
    loader: all(404),
  },
  {
    file: "g.$slug.tsx",
    note: "A is visible to employers: verified ones, staff and A; 404 to the rest",
    url: (w) => `/g/${w.gradA.slug}`,
    params: (w) => ({ slug: w.gradA.slug }),
    loader: { ...all(404), gradA: "ok", empX: "ok", empY: "ok", staff: "ok", admin: "ok", narynStaff: "ok" },
  },
  {
    file: "g.$slug.tsx",
    note: "B is public; verified employers invite from the page (Y naming X's vacancy changes nothing)",
    url: (w) => `/g/${w.gradB.slug}`,
    params: (w) => ({ slug: w.gradB.slug }),
    loader: all("ok"),
    actions: [{ intent: "invite", body: (w) => f({ vacancyId: w.x.vacancyId }), expect: { ...VERIFIED_EMPLOYER, empY: "ok:nothing" } }],
  },
  {
    file: "g.$slug_.cv.tsx",
    url: (w) => `/g/${w.gradA.slug}/cv`,
    params: (w) => ({ slug: w.gradA.slug }),
    loader: { ...all(404), gradA: "ok", empX: "ok", empY: "ok", staff: "ok", admin: "ok", narynStaff: "ok" },
  },
  {
    file: "uploads.$file.ts",
    note: "a project image follows its profile's visibility (employers only), as /g/:slug",
    url: (w) => `/uploads/${w.imageFile}`,
    params: (w) => ({ file: w.imageFile }),
    loader: { ...all(404), gradA: "ok", empX: "ok", empY: "ok", staff: "ok", admin: "ok", narynStaff: "ok" },
  },
  {
    file: "uploads.$file.ts",
    note: "no path traversal",
    url: () => "/uploads/..%2Fportal.sqlite",
    params: () => ({ file: "../portal.sqlite" }),
    loader: all(404),
  },
  { file: "survey.thanks.tsx", url: () => "/survey/thanks", note: "static page: no loader, no action" },

  // token links: the token is the key, whoever holds it
  {
    file: "reset.$token.tsx",
    url: (w) => `/reset/${w.resetToken}`,
    params: (w) => ({ token: w.resetToken }),
    loader: all("ok"),
    actions: [{ body: () => f({ password: "x" }), expect: all("ok") }],
  },
  {
    file: "reset.$token.tsx",
    note: "a made-up token",
    url: () => "/reset/nope",
    params: () => ({ token: "nope" }),
    actions: [{ body: () => f({ password: "another-horse-42", confirm: "another-horse-42" }), expect: all("ok") }],
  },
  {
    file: "survey.$token.tsx",
    url: (w) => `/survey/${w.gradA.surveyToken}`,
    params: (w) => ({ token: w.gradA.surveyToken }),
    loader: all("ok"),
    actions: [{ body: () => f({ code: "" }), expect: all("ok") }],
  },
  {
    file: "unsubscribe.$token.tsx",
    note: "a signed one-click unsubscribe link (issue 17): works without signing in",
    url: (w) => `/unsubscribe/${unsubscribeToken({ userId: w.gradA.userId, kind: "application-status", channel: "email" })}`,
    params: (w) => ({ token: unsubscribeToken({ userId: w.gradA.userId, kind: "application-status", channel: "email" }) }),
    loader: all("ok"),
    actions: [{ body: () => f({ "List-Unsubscribe": "One-Click" }), expect: all("ok") }],
  },
  {
    file: "unsubscribe.$token.tsx",
    note: "a forged token",
    url: () => "/unsubscribe/MS5hcHBsaWNhdGlvbi1zdGF0dXMuZW1haWw.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    params: () => ({ token: "MS5hcHBsaWNhdGlvbi1zdGF0dXMuZW1haWw.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }),
    loader: all(404),
    actions: [{ body: () => f({ "List-Unsubscribe": "One-Click" }), expect: all(404) }],
  },
  {
    file: "saved.$token.feed[.xml].ts",
    url: (w) => `/saved/${w.gradA.savedSearchToken}/feed.xml`,
    params: (w) => ({ token: w.gradA.savedSearchToken }),
    loader: all("ok"),
  },
  {
    file: "saved.$token.feed[.xml].ts",
    note: "unknown token",
    url: () => "/saved/aaaaaaaaaaaaaaaaaaaaaaaa/feed.xml",
    params: () => ({ token: "aaaaaaaaaaaaaaaaaaaaaaaa" }),
    loader: all(404),
  },

  // accounts
  {
    file: "login.tsx",
    url: () => "/login",
    loader: ANONYMOUS,
    actions: [{ body: (w) => f({ email: w.gradB.email, password: PASSWORD }), expect: all("ok"), note: "signing in again replaces a session" }],
  },
  { file: "join.tsx", url: () => "/join", loader: ANONYMOUS, actions: [{ body: () => f({ code: "NOPE" }), expect: ANONYMOUS }] },
  { file: "signup.tsx", url: () => "/signup", loader: ANONYMOUS, actions: [{ body: () => f({ email: "" }), expect: ANONYMOUS }] },
  { file: "logout.tsx", url: () => "/logout", loader: all("ok"), actions: [{ expect: all("ok") }] },
  {
    file: "account.tsx",
    url: () => "/account",
    loader: SIGNED_IN,
    actions: [
      { body: () => f({ intent: "password" }), expect: SIGNED_IN },
      // Telegram's card (decision 052): each person links and unlinks only their own chat (the session's user).
      { body: () => f({ intent: "telegram-link" }), expect: SIGNED_IN, note: "no bot configured here: 409, nothing written" },
      { body: () => f({ intent: "telegram-unlink" }), expect: SIGNED_IN },
    ],
  },
  {
    file: "telegram.webhook.ts",
    url: () => "/telegram/webhook",
    note: "Telegram's webhook: no session counts, only the secret header (tests/integration/telegram-http.test.ts); without TELEGRAM_WEBHOOK_SECRET it does not exist",
    loader: all(404),
    actions: [{ expect: all(404) }],
  },
  { file: "notifications.tsx", url: () => "/notifications", loader: SIGNED_IN, actions: [{ expect: SIGNED_IN }] },
  { file: "notifications_.unread[.json].ts", note: "the header's count, the viewer's own", url: () => "/notifications/unread.json", loader: SIGNED_IN },

  // graduate's own pages
  { file: "me.tsx", url: () => "/me", loader: GRADUATE },
  { file: "me._index.tsx", url: () => "/me", loader: GRADUATE },
  {
    file: "me.profile.tsx",
    url: () => "/me/profile",
    loader: GRADUATE,
    actions: ["basics", "photo", "removePhoto"].map((intent) => ({ intent, multipart: intent === "photo", expect: GRADUATE })),
  },
  { file: "me.skills.tsx", url: () => "/me/skills", loader: GRADUATE, actions: [{ intent: "add", body: () => f({ skill: "" }), expect: GRADUATE }] },
  {
    file: "me.skills.tsx",
    note: "B names A's skill",
    url: () => "/me/skills",
    actions: ["level", "remove"].map((intent) => ({
      intent,
      body: (w: World) => f({ skillId: w.gradA.skillId, level: "advanced" }),
      expect: { ...GRADUATE, gradB: "ok:nothing" as const },
      note: "B has no such skill: nothing changes",
    })),
  },
  { file: "me.languages.tsx", url: () => "/me/languages", loader: GRADUATE, actions: [{ body: () => f({ en: "C2" }), expect: GRADUATE }] },
  { file: "me.modules.tsx", url: () => "/me/modules", loader: GRADUATE, actions: ["module", "certificate"].map((intent) => ({ intent, expect: GRADUATE })) },
  { file: "me.outcomes.tsx", url: () => "/me/outcomes", loader: GRADUATE, actions: ["give", "withdraw"].map((intent) => ({ intent, expect: GRADUATE })) },
  { file: "me.data.tsx", url: () => "/me/data", loader: GRADUATE, actions: [{ intent: "delete", body: () => f({ password: "wrong" }), expect: GRADUATE }] },
  { file: "me.data[.json].ts", url: () => "/me/data.json", loader: GRADUATE },
  { file: "me.jobs.tsx", url: () => "/me/jobs", loader: GRADUATE },
  { file: "me.jobs[.json].ts", url: () => "/me/jobs.json", loader: GRADUATE },
  { file: "me.applications._index.tsx", url: () => "/me/applications", loader: GRADUATE },
  {
    file: "me.applications.$id.tsx",
    url: (w) => `/me/applications/${w.gradA.applicationId}`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: GRADUATE_A,
    actions: [{ intent: "withdraw", expect: GRADUATE_A }],
  },
  {
    file: "me.projects._index.tsx",
    url: () => "/me/projects",
    loader: GRADUATE,
    actions: [{ intent: "move", body: (w) => f({ projectId: w.gradA.projectId, direction: "down" }), expect: GRADUATE_A, note: "B names A's project" }],
  },
  {
    file: "me.projects.$id.tsx",
    note: "a new project",
    url: () => "/me/projects/new",
    params: () => ({ id: "new" }),
    loader: GRADUATE,
    actions: [{ intent: "save", body: () => f({ title: "" }), expect: GRADUATE }],
  },
  {
    file: "me.projects.$id.tsx",
    url: (w) => `/me/projects/${w.gradA.projectId}`,
    params: (w) => ({ id: String(w.gradA.projectId) }),
    loader: GRADUATE_A,
    actions: ["save", "delete", "upload", "image-alt", "image-move", "image-delete"].map((intent) => ({
      intent,
      multipart: intent === "upload",
      body: (w: World) => f({ imageId: w.gradA.imageId, imageAlt: "x", direction: "up" }),
      expect: GRADUATE_A,
    })),
  },
  {
    file: "me.saved-searches.tsx",
    url: () => "/me/saved-searches",
    loader: { ...GRADUATE },
    actions: [
      { intent: "create", body: () => f({ q: "react" }), expect: GRADUATE },
      { intent: "delete", body: (w) => f({ id: w.gradA.savedSearchId }), expect: GRADUATE_A, note: "B names A's saved search" },
    ],
  },
  {
    file: "vacancies.$id_.apply.tsx",
    url: (w) => `/vacancies/${w.x.vacancyId}/apply`,
    params: (w) => ({ id: String(w.x.vacancyId) }),
    loader: GRADUATE,
    actions: [{ body: () => f({ note: "" }), expect: GRADUATE }],
  },
  {
    file: "vacancies.$id_.apply.tsx",
    note: "a draft cannot be applied to",
    url: (w) => `/vacancies/${w.x.draftVacancyId}/apply`,
    params: (w) => ({ id: String(w.x.draftVacancyId) }),
    loader: { ...GRADUATE, gradA: 404, gradB: 404 },
    actions: [{ body: () => f({ note: "" }), expect: { ...GRADUATE, gradA: 404, gradB: 404 } }],
  },

  // employers
  {
    file: "_employer.tsx",
    note: "the employer area's layout (no URL of its own): employers, and staff who read the directory and candidate lists; each page checks more",
    url: () => "/employer",
    loader: { ...VERIFIED_EMPLOYER, pending: "ok", staff: "ok", admin: "ok", narynStaff: "ok" },
  },
  { file: "_employer.employer._index.tsx", url: () => "/employer", loader: { ...VERIFIED_EMPLOYER, pending: "ok" } },
  {
    file: "_employer.company.tsx",
    note: "each employer edits their own company, a pending one too",
    url: () => "/company",
    loader: { ...VERIFIED_EMPLOYER, pending: "ok" },
    actions: ["profile", "logo", "removeLogo", "resubmit", "invite"].map((intent) => ({
      intent,
      multipart: intent === "logo",
      expect: { ...VERIFIED_EMPLOYER, pending: "ok" as const },
    })),
  },
  {
    file: "_employer.company.tsx",
    note: "Y revokes X's invite",
    url: () => "/company",
    actions: [
      {
        intent: "revoke",
        body: (w) => f({ inviteId: w.x.inviteId, id: w.x.inviteId }),
        expect: { ...VERIFIED_EMPLOYER, pending: "ok:nothing", empY: "ok:nothing" },
        note: "scoped to the actor's company: another's invite id changes nothing",
      },
    ],
  },
  { file: "_employer.employer.applicants.tsx", url: () => "/employer/applicants", loader: VERIFIED_EMPLOYER },
  {
    file: "_employer.employer.hires.tsx",
    url: () => "/employer/hires",
    loader: VERIFIED_EMPLOYER,
    actions: [{ intent: "confirm", body: (w) => f({ placementId: w.gradB.placementId, checkpoint: "m6" }), expect: EMPLOYER_X, note: "Y names X's placement" }],
  },
  {
    file: "_employer.employer.applications.$id.tsx",
    url: (w) => `/employer/applications/${w.gradA.applicationId}`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: EMPLOYER_X,
    actions: [{ intent: "move", body: () => f({ to: "screening" }), expect: EMPLOYER_X }],
  },
  {
    file: "_employer.employer.vacancies.$id.tsx",
    note: "a new vacancy: any employer, a pending company drafts too",
    url: () => "/employer/vacancies/new",
    params: () => ({ id: "new" }),
    loader: { ...VERIFIED_EMPLOYER, pending: "ok" },
    actions: [{ intent: "save", body: () => f({ title: "" }), expect: { ...VERIFIED_EMPLOYER, pending: "ok" } }],
  },
  {
    file: "_employer.employer.vacancies.$id.tsx",
    url: (w) => `/employer/vacancies/${w.x.vacancyId}`,
    params: (w) => ({ id: String(w.x.vacancyId) }),
    loader: { ...EMPLOYER_X, pending: 404 },
    actions: ["save", "submit", "close", "fill", "resubmit"].map((intent) => ({
      intent,
      body: () => f({ title: "" }),
      expect: { ...EMPLOYER_X, pending: 404 as const },
    })),
  },
  {
    file: "_employer.employer.vacancies.$id_.applicants.tsx",
    url: (w) => `/employer/vacancies/${w.x.vacancyId}/applicants`,
    params: (w) => ({ id: String(w.x.vacancyId) }),
    loader: EMPLOYER_X,
    // list18: the only action is the bulk form (invitations still go out from the candidate list's button).
    actions: [{ intent: "move", body: (w) => f({ to: "screening", application: w.gradA.applicationId }), expect: EMPLOYER_X }],
  },
  {
    file: "_employer.vacancies.$id_.candidates.tsx",
    url: (w) => `/vacancies/${w.x.vacancyId}/candidates`,
    params: (w) => ({ id: String(w.x.vacancyId) }),
    loader: { ...EMPLOYER_X, staff: "ok", admin: "ok", narynStaff: "ok" },
    actions: [
      {
        intent: "invite",
        body: (w) => f({ graduateId: String(w.gradB.graduateId) }),
        expect: { ...EMPLOYER_X, staff: 403, admin: 403, narynStaff: 403 },
        note: "staff read candidates but do not invite",
      },
    ],
  },
  {
    file: "vacancies.$id_.candidates[.json].ts",
    url: (w) => `/vacancies/${w.x.vacancyId}/candidates.json`,
    params: (w) => ({ id: String(w.x.vacancyId) }),
    loader: { ...EMPLOYER_X, staff: "ok", admin: "ok", narynStaff: "ok" },
  },
  {
    file: "_employer.graduates._index.tsx",
    note: "the directory: verified employers and staff",
    url: () => "/graduates",
    loader: { ...VERIFIED_EMPLOYER, staff: "ok", admin: "ok", narynStaff: "ok" },
  },

  // placement office
  { file: "staff.tsx", url: () => "/staff", loader: STAFF },
  { file: "staff._index.tsx", url: () => "/staff", loader: STAFF },
  { file: "staff.audit.tsx", url: () => "/staff/audit", loader: STAFF },
  { file: "staff.skill-gap.tsx", url: () => "/staff/skill-gap", loader: STAFF },
  { file: "staff.graduates._index.tsx", url: () => "/staff/graduates", loader: STAFF },
  {
    file: "staff.graduates.$id.tsx",
    url: (w) => `/staff/graduates/${w.gradA.graduateId}`,
    params: (w) => ({ id: String(w.gradA.graduateId) }),
    loader: STAFF,
    actions: ["verifyModule", "unverifyModule", "verifyCertificate", "verifySkill"].map((intent) => ({ intent, expect: STAFF })),
  },
  {
    file: "staff.graduates.$id.tsx",
    note: "B studies at another school: the scoped officer gets 404 and writes nothing",
    url: (w) => `/staff/graduates/${w.gradB.graduateId}`,
    params: (w) => ({ id: String(w.gradB.graduateId) }),
    loader: STAFF_OTHER_SCHOOL,
    actions: ["verifyCertificate", "verifySkill"].map((intent) => ({
      intent,
      body: (w: World) => f({ skillId: w.gradA.skillId }),
      expect: STAFF_OTHER_SCHOOL,
    })),
  },
  { file: "staff.companies._index.tsx", url: () => "/staff/companies", loader: AGENCY_STAFF },
  {
    file: "staff.companies.$id.tsx",
    url: (w) => `/staff/companies/${w.pending.companyId}`,
    params: (w) => ({ id: String(w.pending.companyId) }),
    loader: AGENCY_STAFF,
    actions: ["verify", "reject", "trust", "untrust", "approveIdentity", "rejectIdentity"].map((intent) => ({ intent, expect: AGENCY_STAFF })),
  },
  {
    file: "staff.vacancies._index.tsx",
    url: () => "/staff/vacancies",
    loader: AGENCY_STAFF,
    actions: ["approve", "reject"].map((intent) => ({
      intent,
      body: (w: World) => f({ vacancyId: w.x.draftVacancyId, id: w.x.draftVacancyId }),
      expect: AGENCY_STAFF,
    })),
  },
  { file: "staff.invitations.tsx", url: () => "/staff/invitations", loader: STAFF, actions: ["cohort", "enrol"].map((intent) => ({ intent, expect: STAFF })) },
  {
    file: "staff.invitations.tsx",
    note: "enrolling into B's school's cohort: the scoped officer gets the form's 400 (no such cohort), nothing written",
    url: () => "/staff/invitations",
    actions: [
      {
        intent: "enrol",
        body: (w) => f({ cohortId: w.other.cohortId, firstName: "Aida", lastName: "Osmonova" }),
        expect: { ...STAFF, narynStaff: "ok:nothing" },
      },
    ],
  },
  {
    file: "staff.cohorts.$id.invitations.tsx",
    url: (w) => `/staff/cohorts/${w.cohortId}/invitations`,
    params: (w) => ({ id: String(w.cohortId) }),
    loader: STAFF,
    // The renew/reissue body names no graduate: staff get a 400, everyone else the usual refusal.
    actions: ["renew", "reissue"].map((intent) => ({ intent, expect: STAFF })),
  },
  {
    file: "staff.cohorts.$id.invitations.tsx",
    note: "B's school's cohort",
    url: (w) => `/staff/cohorts/${w.other.cohortId}/invitations`,
    params: (w) => ({ id: String(w.other.cohortId) }),
    loader: STAFF_OTHER_SCHOOL,
    actions: [{ intent: "renew", body: (w) => f({ graduateId: w.gradB.graduateId }), expect: STAFF_OTHER_SCHOOL }],
  },
  { file: "staff.import._index.tsx", url: () => "/staff/import", loader: STAFF, actions: [{ multipart: true, expect: STAFF }] },
  {
    file: "staff.import.$id.tsx",
    url: (w) => `/staff/import/${w.importId}`,
    params: (w) => ({ id: String(w.importId) }),
    loader: STAFF,
    actions: [{ intent: "confirm", expect: STAFF }],
  },
  {
    file: "staff.import.$id.tsx",
    note: "an import into B's school's cohort",
    url: (w) => `/staff/import/${w.other.importId}`,
    params: (w) => ({ id: String(w.other.importId) }),
    loader: STAFF_OTHER_SCHOOL,
    actions: [{ intent: "confirm", expect: STAFF_OTHER_SCHOOL }],
  },
  {
    file: "staff.password-resets.tsx",
    url: () => "/staff/password-resets",
    loader: STAFF,
    actions: [{ body: (w) => f({ email: "nobody@test.kg", userId: w.gradB.userId + 1000 }), expect: STAFF }],
  },
  {
    file: "staff.password-resets.tsx",
    note: "a link for B (another school): the scoped officer gets the form's 'no such account' (400), nothing written",
    url: () => "/staff/password-resets",
    actions: [{ body: (w) => f({ email: w.gradB.email }), expect: { ...STAFF, narynStaff: "ok:nothing" } }],
  },
  { file: "staff.outcomes._index.tsx", url: () => "/staff/outcomes?checkpoint=m6&by=school", loader: STAFF },
  { file: "staff.outcomes[.csv].ts", url: () => "/staff/outcomes.csv?checkpoint=m6&by=school", loader: STAFF },
  { file: "staff.outcomes.graduates._index.tsx", url: () => "/staff/outcomes/graduates?checkpoint=m6", loader: STAFF },
  { file: "staff.outcomes.graduates[.csv].ts", url: () => "/staff/outcomes/graduates.csv?checkpoint=m6", loader: STAFF },
  { file: "staff.outcomes.follow-up[.csv].ts", url: () => "/staff/outcomes/follow-up.csv", loader: STAFF },
  { file: "staff.skill-gap[.csv].ts", url: () => "/staff/skill-gap.csv", loader: STAFF },
  {
    file: "staff.outcomes.follow-up.tsx",
    url: () => "/staff/outcomes/follow-up",
    loader: STAFF,
    actions: [{ intent: "survey", body: (w) => f({ graduateId: w.gradA.graduateId, checkpoint: "bogus" }), expect: STAFF }],
  },
  {
    file: "staff.outcomes.employers.tsx",
    url: () => "/staff/outcomes/employers",
    loader: STAFF,
    actions: [{ intent: "link", body: () => f({ key: "bishkeksoft", company: "Nobody Such LLC" }), expect: STAFF }],
  },
  {
    file: "staff.outcomes.graduates.$id.tsx",
    url: (w) => `/staff/outcomes/graduates/${w.gradA.graduateId}`,
    params: (w) => ({ id: String(w.gradA.graduateId) }),
    loader: STAFF,
    actions: ["survey", "record"].map((intent) => ({ intent, body: () => f({ checkpoint: "bogus" }), expect: STAFF })),
  },
  {
    file: "staff.outcomes.graduates.$id.tsx",
    note: "B studies at another school: 404 for the scoped officer (scopeout19's scope on the outcome pages)",
    url: (w) => `/staff/outcomes/graduates/${w.gradB.graduateId}`,
    params: (w) => ({ id: String(w.gradB.graduateId) }),
    loader: STAFF_OTHER_SCHOOL,
    actions: ["survey", "record"].map((intent) => ({ intent, body: () => f({ checkpoint: "bogus" }), expect: STAFF_OTHER_SCHOOL })),
  },

  // administration
  { file: "admin.tsx", url: () => "/admin", loader: ADMIN },
  { file: "admin._index.tsx", url: () => "/admin", loader: ADMIN },
  { file: "admin.settings.tsx", url: () => "/admin/settings", loader: ADMIN, actions: [{ body: () => f({ bogus: "1" }), expect: ADMIN }] },
  { file: "admin.outbox.tsx", url: () => "/admin/outbox?status=failed", loader: ADMIN, actions: [{ body: () => f({ id: "999999" }), expect: ADMIN }] },
  { file: "admin.staff.tsx", url: () => "/admin/staff", loader: ADMIN, actions: [{ body: () => f({ email: "" }), expect: ADMIN }] },
  { file: "admin.modules._index.tsx", url: () => "/admin/modules", loader: ADMIN },
  {
    file: "admin.modules.$id.tsx",
    url: (w) => `/admin/modules/${w.moduleId}`,
    params: (w) => ({ id: String(w.moduleId) }),
    loader: ADMIN,
    actions: [{ body: () => f({ name_ky: "" }), expect: ADMIN }],
  },
  { file: "admin.schools._index.tsx", url: () => "/admin/schools", loader: ADMIN },
  {
    file: "admin.schools.$id.tsx",
    url: (w) => `/admin/schools/${w.schoolId}`,
    params: (w) => ({ id: String(w.schoolId) }),
    loader: ADMIN,
    actions: [{ body: () => f({ name_ky: "" }), expect: ADMIN }],
  },
  { file: "admin.skills._index.tsx", url: () => "/admin/skills", loader: ADMIN, actions: ["merge", "category"].map((intent) => ({ intent, expect: ADMIN })) },
  {
    file: "admin.skills.$id.tsx",
    url: (w) => `/admin/skills/${w.gradA.skillId}`,
    params: (w) => ({ id: String(w.gradA.skillId) }),
    loader: ADMIN,
    actions: [{ body: () => f({ name_en: "" }), expect: ADMIN }],
  },
  { file: "admin.job-words._index.tsx", url: () => "/admin/job-words", loader: ADMIN, actions: [{ intent: "create", expect: ADMIN }] },
  {
    file: "admin.job-words.$slug.tsx",
    url: () => "/admin/job-words/developer",
    params: () => ({ slug: "developer" }),
    loader: ADMIN,
    actions: ["save", "delete"].map((intent) => ({ intent, expect: ADMIN })),
  },

  // survey campaigns (docs/decisions/055-survey-campaigns.md)
  { file: "staff.outcomes.campaigns._index.tsx", url: () => "/staff/outcomes/campaigns", loader: STAFF },
  {
    file: "staff.outcomes.campaigns.new.tsx",
    url: () => "/staff/outcomes/campaigns/new",
    loader: STAFF,
    actions: [{ intent: "send", body: () => f({ key: "short", school: "", cohort: "" }), expect: STAFF }],
  },
  {
    file: "staff.outcomes.campaigns.$id.tsx",
    note: "no such campaign: the role is checked first, then staff get 404",
    url: () => "/staff/outcomes/campaigns/999999",
    params: () => ({ id: "999999" }),
    loader: { ...STAFF, staff: 404, admin: 404, narynStaff: 404 },
    actions: [{ intent: "remind", expect: { ...STAFF, staff: 404, admin: 404, narynStaff: 404 } }],
  },
  // self-service password reset (docs/decisions/054-self-service-password-reset.md)
  {
    file: "forgot-password.tsx",
    url: () => "/forgot-password",
    loader: ANONYMOUS,
    note: "anyone may ask for anyone's address: the same answer, and the link goes only to the address's owner",
    actions: [{ body: (w) => f({ email: w.gradB.email }), expect: all("ok") }],
  },
  // prefs17: the account page's "Messages" card (decision 053): each person saves only their own choices (the session's user).
  {
    file: "account.tsx",
    url: () => "/account",
    actions: [
      { body: () => f({ intent: "preferences", email: "applications" }), expect: SIGNED_IN, note: "another role's topic is a 400, nothing written" },
      { body: () => f({ intent: "email-retry" }), expect: SIGNED_IN, note: "lifts the bounce pause of the session's own address only" },
    ],
  },
  // talk18: team notes and ratings, the conversation of an application, reports to staff (docs/decisions/060-notes-and-conversations.md).
  {
    file: "_employer.employer.applications.$id_.notes.tsx",
    note: "Y naming X's application (a GET of the form page, a note or a rating) gets 404 and writes nothing",
    url: (w) => `/employer/applications/${w.gradA.applicationId}/notes`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: EMPLOYER_X,
    actions: [
      { intent: "note", body: () => f({ body: "Strong portfolio" }), expect: EMPLOYER_X },
      { intent: "rate", body: () => f({ rating: 4 }), expect: EMPLOYER_X },
    ],
  },
  {
    file: "_employer.employer.applications.$id_.messages.tsx",
    note: "the company's side of A's conversation (the matrix's upload is not a PDF: X gets the 400)",
    url: (w) => `/employer/applications/${w.gradA.applicationId}/messages`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: EMPLOYER_X,
    actions: [
      { intent: "send", multipart: true, body: () => f({ body: "Hello" }), expect: EMPLOYER_X },
      { intent: "report", body: () => f({ reason: "Rude" }), expect: EMPLOYER_X },
    ],
  },
  {
    file: "me.applications.$id_.messages.tsx",
    note: "A's side of A's conversation; B naming it gets 404",
    url: (w) => `/me/applications/${w.gradA.applicationId}/messages`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: GRADUATE_A,
    actions: [
      { intent: "send", multipart: true, body: () => f({ body: "Hello" }), expect: GRADUATE_A },
      { intent: "report", body: () => f({ reason: "Rude" }), expect: GRADUATE_A },
    ],
  },
  {
    file: "conversation-files.$id.ts",
    note: "a PDF in A's unreported conversation with X: the two sides only (staff too once reported, below)",
    url: (w) => `/conversation-files/${w.conversation.attachmentId}`,
    params: (w) => ({ id: String(w.conversation.attachmentId) }),
    loader: { ...all(404), visitor: "login", gradA: "ok", empX: "ok" },
  },
  { file: "staff.conversations._index.tsx", url: () => "/staff/conversations", loader: STAFF },
  {
    file: "staff.conversations.$id.tsx",
    note: "A's conversation is not reported: staff get 404, as for no such application",
    url: (w) => `/staff/conversations/${w.gradA.applicationId}`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: { ...STAFF, staff: 404, admin: 404, narynStaff: 404 },
    actions: [{ intent: "close", expect: { ...STAFF, staff: 404, admin: 404, narynStaff: 404 } }],
  },
  {
    file: "staff.conversations.$id.tsx",
    note: "B reported their conversation with X: staff read it (audited) and close the report; B's school is not the scoped officer's (404)",
    url: (w) => `/staff/conversations/${w.conversation.reportedApplicationId}`,
    params: (w) => ({ id: String(w.conversation.reportedApplicationId) }),
    loader: STAFF_OTHER_SCHOOL,
    actions: [{ intent: "close", expect: STAFF_OTHER_SCHOOL }],
  },
  // slots18: interview slots and offers (docs/decisions/061-interview-slots-and-offers.md). A's application at X is "applied":
  // X's member proposes (ok), Y naming it gets 404 and nothing written; the other steps find no interview or offer yet (409, allowed).
  {
    file: "_employer.employer.interviews.new.tsx",
    note: "the slot form for X's application: Y's list shows nothing of it",
    url: (w) => `/employer/interviews/new?application=${w.gradA.applicationId}`,
    loader: VERIFIED_EMPLOYER,
    actions: [{ body: () => f({ slot1: nextMonthSlot(), minutes: 60, place: "Офис" }), expect: EMPLOYER_X }],
  },
  {
    file: "_employer.employer.applications.$id_.interview.tsx",
    url: (w) => `/employer/applications/${w.gradA.applicationId}/interview`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: EMPLOYER_X,
    actions: [
      { intent: "cancel", body: () => f({ reason: "Вакансия закрыта" }), expect: EMPLOYER_X },
      { intent: "outcome", body: () => f({ outcome: "passed" }), expect: EMPLOYER_X },
    ],
  },
  {
    file: "_employer.employer.applications.$id_.offer.tsx",
    url: (w) => `/employer/applications/${w.gradA.applicationId}/offer`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: EMPLOYER_X,
    actions: [
      { intent: "make", body: () => f({ startDate: "2099-03-01", answerBy: "2099-02-01" }), expect: EMPLOYER_X },
      { intent: "withdraw", expect: EMPLOYER_X },
    ],
  },
  {
    file: "me.applications.$id_.interview.tsx",
    url: (w) => `/me/applications/${w.gradA.applicationId}/interview`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: GRADUATE_A,
    actions: [
      { intent: "pick", body: () => f({ slot: 1 }), expect: GRADUATE_A },
      { intent: "another-time", body: () => f({ message: "После 16:00" }), expect: GRADUATE_A },
      { intent: "cancel", body: () => f({ reason: "Нашла работу" }), expect: GRADUATE_A },
    ],
  },
  {
    file: "me.applications.$id_.offer.tsx",
    url: (w) => `/me/applications/${w.gradA.applicationId}/offer`,
    params: (w) => ({ id: String(w.gradA.applicationId) }),
    loader: GRADUATE_A,
    actions: [
      { intent: "accept", expect: GRADUATE_A },
      { intent: "decline", body: () => f({ reason: "Другая работа" }), expect: GRADUATE_A },
    ],
  },
  // list18: the applicants list's bulk decisions, their result page and undo, the company's reasons (docs/decisions/059-bulk-decisions-and-undo.md).
  {
    file: "_employer.employer.applicants.tsx",
    url: () => "/employer/applicants",
    actions: [
      {
        intent: "move",
        body: (w) => f({ to: "screening", application: w.gradA.applicationId }),
        expect: EMPLOYER_X,
        note: "Y names X's application: 404, nothing moved",
      },
      {
        intent: "reject",
        body: (w) => f({ template: "999999", application: w.gradA.applicationId }),
        expect: EMPLOYER_X,
        note: "no such template: 400 for X; Y names X's application: 404",
      },
    ],
  },
  {
    file: "_employer.employer.bulk-actions.$id.tsx",
    note: "no such bulk action: the role is checked first, then members get 404 (another company's action: tests/integration/applicants-bulk.test.ts)",
    url: () => "/employer/bulk-actions/999999",
    params: () => ({ id: "999999" }),
    loader: { ...VERIFIED_EMPLOYER, empX: 404, empY: 404 },
    actions: [{ intent: "undo", expect: { ...VERIFIED_EMPLOYER, empX: 404, empY: 404 } }],
  },
  {
    file: "_employer.employer.rejection-templates.tsx",
    url: () => "/employer/rejection-templates",
    loader: VERIFIED_EMPLOYER,
    actions: [
      { intent: "add", body: () => f({ text_ky: "" }), expect: VERIFIED_EMPLOYER, note: "an empty reason: 400" },
      { intent: "delete", body: () => f({ id: "999999" }), expect: { ...VERIFIED_EMPLOYER, empX: 404, empY: 404 }, note: "not the company's reason: 404" },
    ],
  },
  // retain19: the admin's retention periods (docs/decisions/067-data-retention.md). A school-scoped staff actor gets 403, as any staff.
  {
    file: "admin.settings_.retention.tsx",
    url: () => "/admin/settings/retention",
    loader: ADMIN,
    actions: [{ body: () => f({ messages: "0" }), expect: ADMIN, note: "0 months: 400 with the value kept, nothing written" }],
  },
  // totp19: two-step sign-in (docs/decisions/066-two-step-sign-in.md; tests/integration/two-step.test.ts). A school-scoped staff actor
  // gets what "staff" gets on each of these rows (the scope does not enter two-step).
  {
    file: "login_.code.tsx",
    note: "the second step exists only behind the signed cookie a right password makes: without it everyone is sent to the password form",
    url: () => "/login/code",
    loader: { ...all("home"), visitor: "login" },
    actions: [{ body: () => f({ code: "123456" }), expect: all("login") }],
  },
  {
    file: "account_.two-step.tsx",
    note: "each person sets up, confirms and turns off only their own (the session's user)",
    url: () => "/account/two-step",
    loader: SIGNED_IN,
    actions: [
      { intent: "start", expect: SIGNED_IN },
      { intent: "cancel", expect: SIGNED_IN },
      { intent: "confirm", body: () => f({ code: "123456" }), expect: SIGNED_IN, note: "nothing started: back to the page" },
      { intent: "disable", body: () => f({ code: "123456" }), expect: SIGNED_IN, note: "not on: 400" },
    ],
  },
  {
    file: "admin.settings_.two-step.tsx",
    url: () => "/admin/settings/two-step",
    loader: ADMIN,
    actions: [{ body: () => f({ grace_days: "x" }), expect: ADMIN }],
  },
  {
    file: "admin.staff_.$id.two-step.tsx",
    url: (w) => `/admin/staff/${w.staffId}/two-step`,
    params: (w) => ({ id: String(w.staffId) }),
    loader: ADMIN,
    actions: [{ expect: ADMIN }],
  },
  {
    file: "admin.staff_.$id.two-step.tsx",
    note: "a graduate's account is not a staff account: 404",
    url: (w) => `/admin/staff/${w.gradA.userId}/two-step`,
    params: (w) => ({ id: String(w.gradA.userId) }),
    actions: [{ expect: { ...signedInOnly(403), admin: 404 } }],
  },
  // annual19: the yearly report (docs/decisions/065-annual-report.md). A school-scoped officer gets 200 too: her schools only
  // (tests/integration/annual-report.test.ts proves which).
  { file: "staff.reports_.annual.tsx", url: () => "/staff/reports/annual", loader: STAFF },
  // report19: the report builder (docs/decisions/064-report-builder.md). Staff and admins, each limited to their scope;
  // saved reports are their owner's alone (another's id answers 404 like no report: tests/integration/report-builder.test.ts).
  {
    file: "staff.reports._index.tsx",
    url: () => "/staff/reports?by=school&ind=n&ind=employmentRate&checkpoint=m6",
    loader: STAFF,
    actions: [
      { intent: "save", body: () => f({ name: "Министрлик үчүн", query: "by=school&ind=n" }), expect: STAFF },
      { intent: "save", body: () => f({ name: "" }), expect: STAFF, note: "an empty name: 400, nothing written" },
      {
        intent: "rename",
        body: () => f({ id: "999999", name: "Жаңы" }),
        expect: { ...STAFF, staff: 404, admin: 404, narynStaff: 404 },
        note: "no such report of theirs: 404",
      },
      {
        intent: "delete",
        body: () => f({ id: "999999" }),
        expect: { ...STAFF, staff: 404, admin: 404, narynStaff: 404 },
        note: "no such report of theirs: 404",
      },
    ],
  },
  {
    file: "staff.reports._index.tsx",
    note: "?report= naming no saved report of the viewer's: the role is checked first, then 404",
    url: () => "/staff/reports?report=999999",
    loader: { ...STAFF, staff: 404, admin: 404, narynStaff: 404 },
  },
  { file: "staff.reports[.xlsx].ts", url: () => "/staff/reports.xlsx?by=school&ind=n&ind=employmentRate&checkpoint=m6", loader: STAFF },
  { file: "staff.reports[.csv].ts", url: () => "/staff/reports.csv?by=school&ind=n&ind=employmentRate&checkpoint=m6", loader: STAFF },
];

/** A slot a month ahead, as the employer types it (Bishkek wall clock, datetime-local). */
function nextMonthSlot(): string {
  return new Date(Date.now() + 30 * 86_400_000 + 6 * 3_600_000).toISOString().slice(0, 16);
}

// ---- the fixture world ---------------------------------------------------------------------

let base: Connection;
let pristine: string;
let world: World;
const cookies: Partial<Record<Actor, string>> = {};

/** Back to the world as built (after an allowed action changed it). */
function restore(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "authz-"));
  const file = path.join(dir, "portal.sqlite");
  fs.copyFileSync(pristine, file);
  current?.sqlite.close();
  current = openDatabase(file);
  useConnection(current);
  watch?.reset();
}
let current: Connection | undefined;

beforeAll(async () => {
  base = await createTestDatabase();
  world = await buildWorld(base, UPLOAD_DIR, cookies);
  pristine = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "authz-pristine-")), "portal.sqlite");
  base.sqlite.exec(`VACUUM INTO '${pristine}'`);
  restore();
});
afterAll(() => {
  current?.sqlite.close();
  closeTestDatabases();
  fs.rmSync(UPLOAD_DIR, { recursive: true, force: true });
});

// ---- running one case ------------------------------------------------------------------------

/** Where signing in sends each actor (app/models/users.server.ts homeFor). */
const HOME: Record<Actor, string> = {
  visitor: "",
  gradA: "/me/profile",
  gradB: "/me/profile",
  pending: "/employer",
  empX: "/employer",
  empY: "/employer",
  staff: "/staff",
  admin: "/admin",
  narynStaff: "/staff",
};

function classify(o: Outcome, isAction: boolean, actor: Actor, expected: Expected): Exclude<Expected, string> | string {
  if (o.status >= 500) return `5xx (${o.status})`;
  if (o.status >= 300 && o.status < 400 && o.location) {
    if (o.location.startsWith("/login")) return "login";
    // A page for signed-out people sends a signed-in actor home; elsewhere such a redirect is just "ok".
    if (expected === "home" && o.location === HOME[actor]) return "home";
    return "ok";
  }
  if (o.status === 403 || o.status === 404) return o.status;
  if (o.status === 401) return "401";
  if (o.status >= 200 && o.status < 300) return "ok";
  if (isAction && [400, 409, 413, 415, 422].includes(o.status)) return "ok";
  return `status ${o.status}`;
}

function requestFor(url: string, actor: Actor, action?: ActionCase): Request {
  const headers: Record<string, string> = {};
  const cookie = cookies[actor];
  if (cookie) headers.Cookie = cookie;
  if (!action) return new Request(`http://localhost${url}`, { headers });
  const fields: [string, string][] = [...(action.intent ? ([["intent", action.intent]] as [string, string][]) : []), ...(action.body?.(world) ?? [])];
  if (action.multipart) {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    for (const name of ["photo", "logo", "image", "file"]) form.append(name, new File([Buffer.from("not an image")], "x.png", { type: "image/png" }));
    return new Request(`http://localhost${url}`, { method: "POST", body: form, headers });
  }
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
  });
}

type Handler = Parameters<typeof call>[0];

const watch = new WriteWatch(() => current!);

async function runCase(mod: Record<string, unknown>, row: Row, actor: Actor, expected: Expected, action?: ActionCase): Promise<string | null> {
  const before = watch.mark();
  const handler = (action ? mod.action : mod.loader) as Handler;
  const label = `${row.file}${row.note ? ` (${row.note})` : ""} ${action ? `action${action.intent ? `[${action.intent}]` : ""}` : "loader"} as ${actor}`;
  let got: Exclude<Expected, string> | string;
  try {
    got = classify(await call(handler, requestFor(row.url(world), actor, action), row.params?.(world) ?? {}), Boolean(action), actor, expected);
  } catch (error) {
    got = `threw ${(error as Error).message}`;
  }
  const changed = watch.changedSince(before);
  if (changed) restore();
  if (expected === "ok:nothing") {
    if (got !== "ok") return `${label}: expected ok (writing nothing), got ${got}`;
    if (changed) return `${label}: named someone else's record and the database changed`;
    return null;
  }
  if (got !== expected) return `${label}: expected ${expected}, got ${got}`;
  if (expected !== "ok" && changed) return `${label}: refused (${expected}) but the database changed`;
  return null;
}

export const casesChecked = { loaders: 0, actions: 0 };

describe("authorization matrix (docs/product.md §8, issue 7 part 1)", () => {
  it("lists every route file in app/routes (add a row for a new route)", () => {
    const files = fs.readdirSync(ROUTES_DIR).filter((name) => /\.(ts|tsx)$/.test(name));
    const listed = new Set(MATRIX.map((r) => r.file));
    expect(files.filter((name) => !listed.has(name))).toEqual([]);
    expect([...listed].filter((name) => !files.includes(name))).toEqual([]);
  });

  it(
    "every loader and every action intent, as each of 9 actors, gets exactly the expected outcome and refusals write nothing",
    { timeout: 300_000 },
    async () => {
      const failures: string[] = [];
      for (const row of MATRIX) {
        const load = routeModules[`../../app/routes/${row.file}`];
        expect(load, row.file).toBeDefined();
        const mod = (await load!()) as Record<string, unknown>;
        // A module's handlers must all be covered: a loader needs loader expectations, an action action cases.
        const rowsOfFile = MATRIX.filter((r) => r.file === row.file);
        if (typeof mod.loader === "function" && !rowsOfFile.some((r) => r.loader)) failures.push(`${row.file}: has a loader but no loader row`);
        if (typeof mod.action === "function" && !rowsOfFile.some((r) => r.actions?.length)) failures.push(`${row.file}: has an action but no action row`);
        if (row.loader && typeof mod.loader !== "function") failures.push(`${row.file}: row lists a loader the module does not have`);
        if (row.actions && typeof mod.action !== "function") failures.push(`${row.file}: row lists an action the module does not have`);
        for (const actor of ACTORS) {
          if (row.loader && typeof mod.loader === "function") {
            casesChecked.loaders += 1;
            const failure = await runCase(mod, row, actor, row.loader[actor]);
            if (failure) failures.push(failure);
          }
          for (const action of typeof mod.action === "function" ? (row.actions ?? []) : []) {
            casesChecked.actions += 1;
            const failure = await runCase(mod, row, actor, action.expect[actor], action);
            if (failure) failures.push(failure);
          }
        }
      }
      console.log(
        `authorization matrix: ${MATRIX.length} rows over ${new Set(MATRIX.map((r) => r.file)).size} route files; ${casesChecked.loaders} loader and ${casesChecked.actions} action cases (route × intent × actor)`,
      );
      expect(failures).toEqual([]);
    },
  );
});
