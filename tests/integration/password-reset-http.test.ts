// Self-service password reset end to end (issue 17 "Done means"; docs/decisions/054-self-service-password-reset.md):
// the real production build over HTTP and a real SMTP server started here. A person asks on the
// page (a plain form post, as with JavaScript off), the e-mail arrives in their language, its link
// sets a new password, sign-in works with it and not with the old one, the link is refused the
// second time and once expired. An unknown address gets the same page and no e-mail; without SMTP
// the same page and an outbox row "not sent: no channel configured".
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { serverT } from "~/i18n/catalog.server";
import { sha256 } from "~/auth/tokens.server";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { MAIL_FROM, sharedByFile, until, useTestServers } from "../support/server-harness";
import { DEMO_PASSWORD, signInOverHttp } from "../support/sign-in";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const NEW_PASSWORD = "a-new-long-password-2026";
/** The accounts of the end-to-end test, each in its own language. */
const PEOPLE = [
  ["graduate@demo.kg", "ky"],
  ["employer@demo.kg", "ru"],
  ["staff@demo.kg", "en"],
] as const;

const t = useTestServers();

/** A copy of the demo data with the given accounts' languages set. */
async function demoDataWith(locales: Record<string, "ky" | "ru" | "en">): Promise<{ dataDir: string; file: string }> {
  const dataDir = await demoDataCopy();
  const file = path.join(dataDir, "portal.sqlite");
  const db = new Database(file);
  try {
    for (const [email, locale] of Object.entries(locales)) db.prepare("update users set locale = ? where email = ?").run(locale, email);
  } finally {
    db.close();
  }
  return { dataDir, file };
}

/**
 * The server with SMTP that the three e-mail tests share, started by the first of them (about 2 s of
 * CPU and a demo copy fewer each; docs/decisions/035-test-suite-speed.md): each test asks for other
 * accounts, and each starts with the SMTP server's record of what it received empty. Their 17 requests
 * stay below the per-client throttle (20 in 15 minutes, docs/security.md).
 */
const sharedServer = sharedByFile(
  async () => {
    const smtp = await startTestSmtp();
    const { dataDir, file } = await demoDataWith(Object.fromEntries(PEOPLE));
    return { server: await startServer({ SMTP_URL: smtp.url, MAIL_FROM }, dataDir), smtp, file };
  },
  async ({ server, smtp }) => {
    await server.stop();
    await smtp.close();
  },
);
async function withSmtp(): Promise<{ server: RunningServer; smtp: TestSmtp; file: string }> {
  const shared = await sharedServer();
  shared.smtp.received.length = 0;
  shared.smtp.rcptAttempts.length = 0;
  return shared;
}

/** The request form posted as a browser without JavaScript does: a document POST, the page comes back as HTML. */
async function ask(server: RunningServer, email: string, lng = "en"): Promise<{ status: number; html: string }> {
  const res = await fetch(`${server.url}/forgot-password?lng=${lng}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email }),
  });
  return { status: res.status, html: await res.text() };
}

async function signInStatus(server: RunningServer, email: string, password: string): Promise<number> {
  const res = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

async function setPasswordBy(server: RunningServer, link: string, password: string) {
  const res = await fetch(link, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ password, passwordRepeat: password }),
  });
  await res.arrayBuffer();
  return res;
}

function linkIn(text: string | undefined, server: RunningServer): string {
  const m = new RegExp(`${server.url.replace(/[.]/g, "\\.")}/reset/[A-Za-z0-9_-]{20,}`).exec(text ?? "");
  if (!m) throw new Error(`no reset link in:\n${text}`);
  return m[0];
}

/** The page's answer with the address typed taken out: what is left must not differ between addresses. */
const withoutAddress = (html: string, email: string) => html.replaceAll(email, "ADDRESS").replace(/nonce="[^"]*"/g, 'nonce=""');

describe("self-service password reset over HTTP", () => {
  it(
    "a reset by e-mail end to end, in each person's language: the link sets the password once, the old one and the old session stop working",
    { timeout: 180_000 },
    async () => {
      const { server, smtp, file } = await withSmtp();
      // The sign-in page leads there.
      const loginPage = await (await fetch(`${server.url}/login?lng=en`)).text();
      expect(loginPage).toContain('href="/forgot-password"');

      for (const [i, [email, lang]] of PEOPLE.entries()) {
        const t = serverT(lang);
        const earlier = await signInOverHttp(server.url, email);
        const answer = await ask(server, email, lang);
        expect(answer.status).toBe(200);
        expect(answer.html).toContain(`<html lang="${lang}"`);
        expect(answer.html).toContain(email);

        const [mail] = (await smtp.waitFor(i + 1)).slice(i);
        expect(mail!.rcpt).toEqual([email]);
        expect(mail!.parsed.subject).toBe(t("mail.subject.password-reset"));
        expect(mail!.parsed.text).toContain(t("notify.password-reset"));
        expect(mail!.parsed.html).toContain(`lang="${lang}"`);
        const link = linkIn(mail!.parsed.text, server);
        const token = link.split("/reset/")[1]!;
        // Stored only as its hash, and nowhere in the outbox.
        const db = new Database(file, { readonly: true });
        try {
          expect(db.prepare("select count(*) from password_resets where token_hash = ? and kind = 'self'").pluck().get(sha256(token))).toBe(1);
          expect(db.prepare("select count(*) from outbox where payload_json like ? or link like ?").pluck().get(`%${token}%`, `%${token}%`)).toBe(0);
        } finally {
          db.close();
        }

        // The link opens the page in the e-mail's language.
        expect(mail!.parsed.text).toContain(`${link}?lng=${lang}`);
        const page = await fetch(`${link}?lng=${lang}`);
        expect(page.status).toBe(200);
        // It names the account and its address is the credential: no cache keeps it, no Referer carries it.
        expect(page.headers.get("cache-control")).toBe("no-store");
        // The site-wide policy comes first; a browser applies the last one it knows (Referrer Policy §8.1).
        expect(page.headers.get("referrer-policy")?.split(",").at(-1)?.trim()).toBe("no-referrer");
        const pageHtml = await page.text();
        expect(pageHtml).toContain(email);
        expect(pageHtml).toContain(`<html lang="${lang}"`);
        const set = await setPasswordBy(server, link, NEW_PASSWORD);
        expect(set.status).toBe(302);
        expect(set.headers.get("Location")).toBe("/login");

        expect(await signInStatus(server, email, DEMO_PASSWORD)).toBe(401);
        expect(await signInStatus(server, email, NEW_PASSWORD)).toBe(302);
        // The session from before the reset is over: the account page sends it to sign in.
        const old = await fetch(`${server.url}/account`, { redirect: "manual", headers: { Cookie: earlier } });
        expect(old.status).toBe(302);
        expect(old.headers.get("Location")).toMatch(/^\/login/);

        // The second time: refused, and the password stays.
        expect((await fetch(link)).status).toBe(404);
        expect((await setPasswordBy(server, link, "yet-another-password")).status).toBe(400);
        expect(await signInStatus(server, email, "yet-another-password")).toBe(401);
      }
    },
  );

  it("the same page for an unknown address, and no e-mail; a link is refused once its 30 minutes are over", { timeout: 180_000 }, async () => {
    const { server, smtp, file } = await withSmtp();
    const known = "graduate2@demo.kg";
    const unknown = "nobody-at-all@demo.kg";
    const a = await ask(server, unknown);
    const b = await ask(server, known);
    expect(a.status).toBe(b.status);
    expect(withoutAddress(a.html, unknown)).toBe(withoutAddress(b.html, known));
    expect(b.html).toContain("If an account has the address");
    // The worker takes rows in order: once the known address's e-mail is here, the unknown one would have been too.
    const [mail] = await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.map((r) => r.rcpt)).toEqual([[known]]);
    expect(smtp.rcptAttempts).toEqual([known]);

    const link = linkIn(mail!.parsed.text, server);
    expect((await fetch(link)).status).toBe(200);
    const db = new Database(file);
    try {
      // Thirty minutes on: the row's time moved back (the server's clock cannot be).
      const token = link.split("/reset/")[1]!;
      db.prepare("update password_resets set expires_at = ? where token_hash = ?").run(new Date(Date.now() - 1000).toISOString(), sha256(token));
    } finally {
      db.close();
    }
    expect((await fetch(link)).status).toBe(404);
    expect((await setPasswordBy(server, link, NEW_PASSWORD)).status).toBe(400);
    expect(await signInStatus(server, known, DEMO_PASSWORD)).toBe(302);
  });

  it(
    "twelve requests at once for one address: the same page for each, five pass the throttle, and one link and one e-mail are made (the others find it waiting or just sent)",
    { timeout: 180_000 },
    async () => {
      const { server, smtp, file } = await withSmtp();
      const email = "employer2@demo.kg";
      const answers = await Promise.all(Array.from({ length: 12 }, () => ask(server, email)));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      expect(new Set(answers.map((a) => withoutAddress(a.html, email))).size).toBe(1);
      const db = new Database(file, { readonly: true });
      try {
        const count = (sql: string) => db.prepare(sql).pluck().get(email) as number;
        const rows = "from outbox o join users u on u.id = o.user_id where u.email = ? and o.kind = 'password-reset'";
        await until("every reset e-mail settled", () => count(`select count(*) ${rows} and o.status = 'queued'`) === 0, { servers: [server] });
        expect(count("select count(*) from password_resets r join users u on u.id = r.user_id where u.email = ? and r.kind = 'self'")).toBe(1);
        expect(count(`select count(*) ${rows}`)).toBe(1);
        expect(
          count(
            "select count(*) from audit_log a join users u on a.entity_id = cast(u.id as text) where u.email = ? and a.action = 'password-reset.throttled'",
          ),
        ).toBe(7);
        // Mail-bomb limit (docs/decisions/062-mail-limits-digests-and-batches.md): the four other requests that passed were coalesced.
        expect(
          count(
            `select count(*) from audit_log a join users u on a.entity_id = cast(u.id as text) where u.email = ? and a.action = 'password-reset.request' and a.after_json like '%"coalesced":true%'`,
          ),
        ).toBe(4);
        expect(count(`select count(*) ${rows} and o.status = 'sent'`)).toBe(1);
        await smtp.waitFor(1);
        await new Promise((r) => setTimeout(r, 200));
        expect(smtp.received).toHaveLength(1);
      } finally {
        db.close();
      }
    },
  );

  it(
    "without SMTP: the same answer, the page says no e-mail is sent and that staff can help, and the row is not sent: no channel configured",
    { timeout: 180_000 },
    async () => {
      const { dataDir, file } = await demoDataWith({});
      const server = await t.start({}, dataDir);
      const form = await (await fetch(`${server.url}/forgot-password?lng=ru`)).text();
      expect(form).toContain(serverT("ru")("forgot.noMail"));
      expect(form).toContain(serverT("ru")("forgot.staff"));
      const answer = await ask(server, "graduate@demo.kg", "ru");
      expect(answer.status).toBe(200);
      expect(answer.html).toContain("graduate@demo.kg");
      const db = new Database(file, { readonly: true });
      try {
        const row = () =>
          db
            .prepare(
              "select o.status, o.last_error, o.channel from outbox o join users u on u.id = o.user_id where u.email = 'graduate@demo.kg' and o.kind = 'password-reset'",
            )
            .get() as { status: string; last_error: string; channel: string } | undefined;
        await t.until("the row marked not sent", () => row()?.status === "not_sent");
        expect(row()).toEqual({ status: "not_sent", last_error: "no-channel", channel: "email" });
      } finally {
        db.close();
      }
    },
  );
});
