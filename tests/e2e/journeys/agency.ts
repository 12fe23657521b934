// Issue 19's "Done means" in a real browser (docs/product.md §16; decisions 063 staff scope, 064 report builder,
// 065 yearly report, 066 two-step sign-in): a Naryn-scoped officer who is not a demo account (demo accounts skip
// the second step) sets up two-step sign-in, signs in with password + code (ky, 360 px, JavaScript off), sees only
// Naryn on the outcome dashboard, sends a survey campaign to Naryn's due graduates (every e-mail at the test SMTP
// server goes to a Naryn graduate) and opens Naryn's yearly report; the head office (ru, 1280 px, JavaScript on)
// builds the all-schools table and opens its .xlsx with exceljs; the yearly report again in English.
import path from "node:path";
import ExcelJS from "exceljs";
import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@db/connection";
import { createStaffAccount } from "~/models/users.server";
import { expectTextContaining, hasChromium, textOf } from "../../support/browser";
import type { ServerAndBrowser } from "../../support/e2e";
import { catalogs, expectNoSidewaysScroll, openActor, readDb, signInAs, signInWithCookie } from "../../support/journey-steps";

const OFFICER = "naryn-officer@school.kg";
const PASSWORD = "naryn-officer-2026";
const NARYN = "pl-87-naryn";

type School = { id: number; name_ky: string; name_ru: string; name_en: string };

/** The code an authenticator app would show for this secret at this moment (RFC 6238, 30 s steps, 6 digits). */
const codeFor = (secret: string, at: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: at });

/**
 * The officer's account, scoped to the Naryn lyceum, written as /admin/staff writes it (createStaffAccount)
 * before the server starts on the data (tests/support/e2e.ts, `prepare`); the schools' names for the checks.
 */
export function agencySetUp() {
  const setUp = {
    naryn: null as School | null,
    others: [] as School[],
    prepare: async (dataDir: string) => {
      const c = openDatabase(path.join(dataDir, "portal.sqlite"));
      try {
        const schools = await c.db.selectFrom("schools").select(["id", "slug", "name_ky", "name_ru", "name_en"]).execute();
        setUp.naryn = schools.find((s) => s.slug === NARYN)!;
        setUp.others = schools.filter((s) => s.slug !== NARYN);
        const admin = await c.db.selectFrom("users").select("id").where("email", "=", "admin@demo.kg").executeTakeFirstOrThrow();
        await createStaffAccount(c.db, { email: OFFICER, password: PASSWORD, name: "Нарын кызматкери" }, admin.id, [setUp.naryn.id]);
      } finally {
        c.sqlite.close();
      }
    },
  };
  return setUp;
}

const SURVEY_SUBJECTS = new Set(Object.values(catalogs).map((m) => m["mail.subject.survey-invitation"]));

/** Registered by tests/e2e/journeys.test.ts, which starts the server, browser and SMTP server the journeys share. */
export function agencyJourney(env: ServerAndBrowser, setUp: ReturnType<typeof agencySetUp>): void {
  describe.skipIf(!hasChromium)("agency journey in a real browser (issue 19)", () => {
    it("Naryn officer: two-step set-up → sign-in with a code → only Naryn → survey campaign → yearly report (ky, 360, JS off); head office .xlsx (ru); yearly report (en)", async () => {
      const { server, browser } = env;
      const smtp = env.smtp!;
      const naryn = setUp.naryn!;
      const o = await openActor(browser, server, { js: false, width: 360, height: 740, lang: "ky" });
      const h = await openActor(browser, server, { js: true, width: 1280, height: 800, lang: "ru" });
      try {
        const { m, page } = o;
        const body = () => page.locator("body").innerText();

        // 1. Two-step set-up through the pages: the key read off the page, the code computed from it.
        await signInAs(o, OFFICER, PASSWORD);
        await o.goto("/account/two-step");
        await o.submit(m["twoStep.start"]);
        const secret = (await page.locator(".two-step-secret").innerText()).replace(/\s/g, "");
        expect(secret).toMatch(/^[A-Z2-7]{32}$/);
        await page.getByLabel(m["twoStep.code"]).fill(codeFor(secret, Date.now()));
        await o.submit(m["twoStep.confirm"]);
        expect(await textOf(page.locator("h1"))).toBe(m["twoStep.codesTitle"]);
        expect(await page.locator(".recovery-codes li").count()).toBe(10);

        // 2. A new sign-in asks for the code; the next step's code (the one used to switch it on is spent) lets them in.
        await o.context.clearCookies();
        await signInAs(o, OFFICER, PASSWORD);
        expect(new URL(page.url()).pathname).toBe("/login/code");
        await page.getByLabel(m["login.code.field"]).fill(codeFor(secret, Date.now() + 30_000));
        await o.submit(m["login.code.submit"]);
        expect(new URL(page.url()).pathname).toBe("/staff");
        expect(await textOf(page.getByTestId("staff-scope"))).toBe(m["staffScope.line"].replace("{names}", naryn.name_ky));

        // 3. The outcome dashboard: the school filter offers Naryn alone, and no other school is named.
        await o.goto("/staff/outcomes");
        const schoolChoices = page.locator('input[name="school"]');
        expect(await schoolChoices.count()).toBe(1);
        expect(await schoolChoices.first().getAttribute("value")).toBe(String(naryn.id));
        const dashboard = await body();
        expect(dashboard).toContain(naryn.name_ky);
        for (const s of setUp.others) expect(dashboard, `the dashboard names ${s.name_ky}`).not.toContain(s.name_ky);
        await expectNoSidewaysScroll(page, "the Naryn dashboard");

        // 4. The follow-up list and its campaign: the confirm page counts what the list counts.
        await o.goto("/staff/outcomes/follow-up");
        const found = Number((await textOf(page.locator("main h2").first())).replace(/\D/g, ""));
        expect(found).toBeGreaterThan(0);
        await Promise.all([
          page.waitForURL((u) => u.pathname === "/staff/outcomes/campaigns/new"),
          page.getByRole("link", { name: m["campaigns.start"] }).click(),
        ]);
        await expectTextContaining(page.locator("main"), m["campaigns.new.total"].replace("{n}", String(found)));
        const byEmail = Number((await body()).match(new RegExp(m["campaigns.new.byEmail"].replace("{n}", "(\\d+)")))![1]);
        expect(byEmail).toBeGreaterThan(0);
        await expectNoSidewaysScroll(page, "the campaign's confirm page");
        const before = smtp.received.length;
        await o.submit(m["campaigns.new.confirm"]);
        expect(new URL(page.url()).pathname).toMatch(/^\/staff\/outcomes\/campaigns\/\d+$/);
        expect(await body()).toContain(m["flash.campaignSent"]);

        // Every invitation that arrives over SMTP goes to a Naryn graduate (looked up by address in the server's data).
        const invitations = () => smtp.received.slice(before).filter((r) => SURVEY_SUBJECTS.has(r.parsed.subject ?? ""));
        await expect.poll(() => invitations().length, { timeout: 30_000 }).toBe(byEmail);
        const recipients = invitations().flatMap((r) => r.rcpt);
        const schools = readDb(server, (db) => {
          const q = db.prepare("select c.school_id from users u join graduates g on g.user_id = u.id join cohorts c on c.id = g.cohort_id where u.email = ?");
          return recipients.map((email) => (q.get(email) as { school_id: number } | undefined)?.school_id);
        });
        expect(new Set(schools)).toEqual(new Set([naryn.id]));

        // 5. The yearly report: Naryn's, no other school in it.
        await o.goto("/staff/reports/annual");
        await expectTextContaining(page.locator(".annual-cluster"), naryn.name_ky);
        const annual = await body();
        for (const s of setUp.others) expect(annual, `the yearly report names ${s.name_ky}`).not.toContain(s.name_ky);
        await expectNoSidewaysScroll(page, "the yearly report");

        // 6. The head office builds the all-schools table and opens its .xlsx.
        await signInWithCookie(h, "staff@demo.kg");
        await h.goto("/staff/reports");
        await h.page.getByLabel(h.m["reports.rows"]).selectOption("school");
        for (const ind of ["within6", "medianPay"]) await h.page.locator(`input[name="ind"][value="${ind}"]`).check();
        await h.search(h.m["reports.show"], h.page.locator("main form.report-form"), (u) => u.searchParams.get("by") === "school");
        const rows = h.page.locator(".report-table tbody tr:not(.total-row) th");
        await expect.poll(() => rows.count()).toBeGreaterThan(1);
        const schoolRows = (await rows.allInnerTexts()).map((t) => t.trim());
        // The whole Agency's table: a row for every school of the demo data, Naryn among them.
        expect(schoolRows).toHaveLength(setUp.others.length + 1);
        expect(schoolRows).toContain(naryn.name_ru);
        const [download] = await Promise.all([h.page.waitForEvent("download"), h.page.getByRole("link", { name: h.m["reports.xlsx"] }).click()]);
        expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile((await download.path())!);
        // The table's sheet and the definitions' sheet.
        expect(book.worksheets.map((w) => w.name)).toEqual([h.m["reports.sheet.report"], h.m["reports.sheet.definitions"]].map((n) => n.slice(0, 31)));
        const sheet = book.worksheets[0]!;
        const labels: string[] = [];
        sheet.eachRow((row, r) => {
          if (r > 2) labels.push(row.getCell(1).text);
        });
        // One row per school of the table on the page, in its order (row 1 the header, row 2 the total).
        expect(labels).toEqual(schoolRows);
        expect(sheet.getRow(2).getCell(1).text).toBe(h.m["outcomes.dashboard.total"]);
        // The total row's rates are numbers (fractions) shown with a percent format.
        const rateCells: ExcelJS.Cell[] = [];
        sheet.getRow(2).eachCell((c) => {
          if (typeof c.value === "number" && String(c.numFmt ?? "").includes("%")) rateCells.push(c);
        });
        expect(rateCells.length, "a rate cell with a percent format").toBeGreaterThan(0);
        const rate = rateCells[0]!.value as number;
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);

        // 7. In English: the Naryn officer's yearly report names Naryn in English, and no other school.
        await o.goto("/staff/reports/annual?lng=en");
        await expectTextContaining(page.locator(".annual-cluster"), catalogs.en["annual.cluster.schools"].replace("{names}", naryn.name_en));
        const annualEn = await body();
        for (const s of setUp.others) expect(annualEn, `the English yearly report names ${s.name_en}`).not.toContain(s.name_en);

        for (const a of [o, h]) expect(a.errors, `errors in the browser (${a.lang})`).toEqual([]);
      } finally {
        await Promise.all([o.close(), h.close()]);
      }
    }, 120_000);
  });
}
