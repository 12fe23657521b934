// Issue 14, items 1, 3, 8 and 9 in a real browser against the built server:
// - the employer's status form starts from the application's current state after every move (JS on);
// - a flash notice belongs to the page it answers, and the header's unread count follows in-page navigation (JS on);
// - right after applying the graduate reads what happens next; withdrawing is a secondary action behind a
//   disclosure with its own confirmation, which works without JavaScript;
// - employers invite from the graduate's page with a button (no typed address), and no page shows "JSON" links.
import { describe, expect, it } from "vitest";
import { interpolate } from "~/i18n/translate";
import { expectText, expectTextContaining, hasChromium, openMainMenu } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { type Actor, expectNoSidewaysScroll, openActor, readDb, saveScreenshot, signInAs } from "../support/journey-steps";
import type { RunningServer } from "../support/server";

const phoneJs = { js: true, width: 360, height: 740, lang: "ru" as const };
const phoneNoJs = { js: false, width: 360, height: 740, lang: "ky" as const };

/** An open vacancy of employer@demo.kg's company that the given graduate has not applied for. */
function vacancyFor(server: RunningServer, graduateEmail: string): { id: number; title: string; company: string } {
  return readDb(
    server,
    (db) =>
      db
        .prepare(
          `
      select v.id, v.title, c.name as company from vacancies v
      join company_members cm on cm.company_id = v.company_id join users eu on eu.id = cm.user_id
      join companies c on c.id = v.company_id
      where eu.email = 'employer@demo.kg' and v.status = 'open' and c.status = 'verified'
        and (v.deadline is null or v.deadline >= date('now'))
        and not exists (select 1 from applications a join graduates g on g.id = a.graduate_id join users gu on gu.id = g.user_id
                        where a.vacancy_id = v.id and gu.email = ?)
      order by v.id limit 1`,
        )
        .get(graduateEmail) as { id: number; title: string; company: string },
  );
}

const unreadOf = (server: RunningServer, email: string) =>
  readDb(
    server,
    (db) =>
      (
        db.prepare("select count(*) n from notifications n join users u on u.id = n.user_id where u.email = ? and n.read_at is null").get(email) as {
          n: number;
        }
      ).n,
  );

/** A screenshot to look at (test-results/screenshots) and, at 360 px, no sideways scrolling. */
async function look(actor: Actor, step: string) {
  await saveScreenshot(actor.page, `apps14-${step}-${actor.width}-${actor.lang}`);
  await expectNoSidewaysScroll(actor.page, step);
}

async function noticeTexts(actor: Actor): Promise<string[]> {
  return actor.page.locator("main .notice--ok").allInnerTexts();
}

describe.skipIf(!hasChromium)("application pages (issue 14: items 1, 3, 8, 9)", () => {
  const env = useServerAndBrowser();

  it("apply → what happens next; the flash stays on its page; the status form starts afresh after each move; the unread count follows; withdraw without JavaScript", async () => {
    const { server, browser } = env;
    const vacancy = vacancyFor(server, "graduate@demo.kg");
    expect(vacancy, "the demo employer has an open vacancy the demo graduate has not applied for").toBeTruthy();

    // The graduate applies (JavaScript on, phone).
    const g = await openActor(browser, server, phoneJs);
    await signInAs(g, "graduate@demo.kg");
    await g.goto(`/vacancies/${vacancy.id}/apply`);
    await g.page.getByLabel(g.m["applications.apply.note"]).fill("Хочу у вас работать.");
    await g.submit(g.m["applications.apply.submit"]);
    await g.page.waitForURL(/\/me\/applications\/\d+$/);
    const applicationPath = new URL(g.page.url()).pathname;
    await expectText(g.page.locator("main .pill").first(), g.m["applications.status.applied"]);
    expect(await noticeTexts(g)).toEqual([g.m["flash.applied"]]);

    // Item 8: what happens next comes right after the status; the withdraw button waits behind a disclosure.
    const afterStatus = await g.page.evaluate(() => {
      const status = document.querySelector("main .pill")!.closest("p")!;
      let next = status.nextElementSibling;
      while (next && next.matches(".notice, .error-summary, [hidden]")) next = next.nextElementSibling;
      return next?.className ?? "";
    });
    expect(afterStatus).toContain("next-steps");
    await expectTextContaining(g.page.locator("main .next-steps"), g.m["applications.next.applied"].replace("{company}", vacancy.company));
    const confirm = g.page.getByRole("button", { name: g.m["applications.withdraw.confirm"] });
    expect(await confirm.isVisible()).toBe(false);
    expect(await g.page.getByLabel(g.m["applications.withdraw.reason"]).isVisible()).toBe(false);
    await look(g, "application-applied");

    // Item 3: the notice answered the application; the next page does not repeat it.
    await Promise.all([g.page.waitForURL(/\/me\/applications$/), g.page.getByRole("link", { name: g.m["applications.back"] }).click()]);
    await g.page.waitForSelector('body[data-nav-state="idle"]');
    await expectTextContaining(g.page.locator("main h1"), g.m["applications.title"]);
    expect(await noticeTexts(g)).toEqual([]);

    // Item 1: the employer moves the application twice; each time the form starts from the new status.
    const e = await openActor(browser, server, { ...phoneJs, width: 1280, height: 800 });
    await signInAs(e, "employer@demo.kg");
    await e.goto(applicationPath.replace("/me/", "/employer/"));
    const to = e.page.getByLabel(e.m["applications.move.to"]);
    const note = e.page.getByLabel(e.m["applications.move.note"]);
    expect(await to.inputValue()).toBe("screening");
    await to.selectOption("screening");
    await note.fill("Созвонимся во вторник.");
    await e.submit(e.m["applications.move.submit"]);
    await expectText(e.page.locator("main .pill").first(), e.m["applications.status.screening"]);
    expect(await to.inputValue(), "after screening the form offers the interview, not a rejection").toBe("interview");
    expect(await note.inputValue(), "the previous move's note is not carried over").toBe("");

    await to.selectOption("interview");
    await e.page.getByLabel(e.m["applications.interviewAt"]).fill("2030-02-15T10:00");
    await e.page.getByLabel(e.m["applications.interviewPlace"]).fill("Бишкек, ул. Токтогула 120");
    await note.fill("Ждём вас в офисе.");
    await e.submit(e.m["applications.move.submit"]);
    await expectText(e.page.locator("main .pill").first(), e.m["applications.status.interview"]);
    expect(await to.inputValue()).toBe("offer");
    expect(await note.inputValue()).toBe("");
    expect(e.errors).toEqual([]);
    await e.close();

    // Item 3: the two moves notified the graduate; the header shows it on the next in-page navigation.
    const unread = unreadOf(server, "graduate@demo.kg");
    expect(unread).toBeGreaterThanOrEqual(2);
    await openMainMenu(g.page);
    await Promise.all([g.page.waitForURL(/\/vacancies$/), g.page.locator(".main-nav").getByRole("link", { name: g.m["vacancies.nav"] }).click()]);
    // On the phone the folded menu's summary carries the count, and so does the link inside it.
    await expectText(g.page.locator("header .site-menu > summary"), interpolate(g.m["nav.menuUnread"], { n: unread }, g.lang));
    await openMainMenu(g.page);
    await expectText(g.page.locator(".main-nav a[href='/notifications']"), interpolate(g.m["notifications.navUnread"], { n: unread }, g.lang));
    expect(g.errors).toEqual([]);
    await g.close();

    // Item 8: withdrawing works without JavaScript: open the disclosure, give a reason, confirm.
    const g2 = await openActor(browser, server, phoneNoJs);
    await signInAs(g2, "graduate@demo.kg");
    await g2.goto(applicationPath);
    await g2.page.locator("main details.withdraw summary").click();
    await g2.page.getByLabel(g2.m["applications.withdraw.reason"]).fill("Нашёл другую работу.");
    await look(g2, "withdraw-open");
    await g2.submit(g2.m["applications.withdraw.confirm"]);
    await expectText(g2.page.locator("main .pill").first(), g2.m["applications.status.withdrawn"]);
    expect(g2.errors).toEqual([]);
    await g2.close();
  }, 120_000);

  it("the employer invites from the graduate's page with a button; no page offers a typed address or JSON links", async () => {
    const { server, browser } = env;
    const vacancy = vacancyFor(server, "nobody@example.invalid");
    const graduate = readDb(
      server,
      (db) =>
        db
          .prepare(
            `
        select g.slug, g.first_name || ' ' || g.last_name as name, u.email from graduates g join users u on u.id = g.user_id
        where g.visibility in ('employers', 'public') and g.anonymised_at is null and g.slug is not null
          and not exists (select 1 from applications a where a.graduate_id = g.id and a.vacancy_id = ?)
        order by g.id limit 1`,
          )
          .get(vacancy.id) as { slug: string; name: string; email: string },
    );

    const e = await openActor(browser, server, phoneNoJs);
    await signInAs(e, "employer@demo.kg");
    await e.goto(`/g/${graduate.slug}`);
    const form = e.page.locator("form.invite-form");
    await look(e, "profile-invite");
    await form.getByLabel(e.m["applications.invite.vacancy"]).selectOption(String(vacancy.id));
    await expectTextContaining(form.locator("button[type=submit]"), e.m["applications.invite.button"]);
    await e.submit(form.locator("button[type=submit]"));
    expect(new URL(e.page.url()).pathname).toBe(`/g/${graduate.slug}`);
    await expectTextContaining(e.page.locator("main .notice--ok"), e.m["flash.invitationSent"]);
    const status = readDb(
      server,
      (db) =>
        (
          db
            .prepare("select a.status from applications a join graduates g on g.id = a.graduate_id where g.slug = ? and a.vacancy_id = ?")
            .get(graduate.slug, vacancy.id) as { status: string } | undefined
        )?.status,
    );
    expect(status).toBe("invited");
    // Invited already: the vacancy is no longer offered for this graduate.
    expect(await e.page.locator(`form.invite-form option[value="${vacancy.id}"]`).count()).toBe(0);

    // The applicants page points to the candidate list instead of asking for a profile address.
    await e.goto(`/employer/vacancies/${vacancy.id}/applicants`);
    expect(await e.page.getByLabel(e.m["applications.invite.slug"]).count()).toBe(0);
    expect(await e.page.locator(`main a[href="/vacancies/${vacancy.id}/candidates"]`).count()).toBeGreaterThan(0);
    await e.goto(`/vacancies/${vacancy.id}/candidates`);
    expect(await e.page.locator("main a", { hasText: /^JSON$/ }).count()).toBe(0);
    expect(e.errors).toEqual([]);
    await e.close();

    const g = await openActor(browser, server, phoneNoJs);
    await signInAs(g, "graduate@demo.kg");
    await g.goto("/me/jobs");
    await g.page.locator("main h1").waitFor();
    expect(await g.page.locator("main a", { hasText: /^JSON$/ }).count()).toBe(0);
    // A graduate sees no invite form on a profile page.
    await g.goto(`/g/${graduate.slug}`);
    expect(await g.page.locator("form.invite-form").count()).toBe(0);
    await g.close();
  }, 120_000);
});
