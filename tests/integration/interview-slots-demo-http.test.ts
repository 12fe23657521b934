// Interview slots and offers over HTTP against the real build, with JavaScript off (plain form posts), on
// the demo data the server seeds (db/seed/slots18.ts; docs/decisions/061-interview-slots-and-offers.md):
// graduate@demo.kg has an upcoming confirmed interview and an open offer; the demo company has slots
// waiting, a moved interview and a request for another time. A refused step renders its own page with
// the error beside the field and what was typed; the pages read in three languages.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

type Row = Record<string, unknown>;

describe("interview slots and offers on the demo, without JavaScript", () => {
  it(
    "the demo holds each state; the graduate's page shows the confirmed interview and the offer; a refused step and the offer's accept work as plain posts",
    { timeout: 240_000 },
    async () => {
      const dataDir = await demoDataCopy();
      server = await startServer({}, dataDir);
      const base = server.url;
      const db = new Database(path.join(dataDir, "portal.sqlite"), { readonly: true });
      const interviews = db
        .prepare(
          `select i.application_id, i.status, i.sequence, i.outcome, u.email from interviews i join applications a on a.id = i.application_id
         join graduates g on g.id = a.graduate_id left join users u on u.id = g.user_id order by i.id`,
        )
        .all() as Row[];
      const offers = db.prepare("select o.application_id, o.status from offers o order by o.id").all() as Row[];
      const calendarRows = db
        .prepare("select kind, status, last_error from outbox where kind in ('interview-confirmed', 'interview-slot-picked') and channel = 'email'")
        .all() as Row[];
      db.close();
      const mine = interviews.filter((i) => i.email === "graduate@demo.kg");
      expect(mine.map((i) => [i.status, i.outcome])).toEqual([
        ["confirmed", null],
        ["done", "passed"],
      ]);
      expect(interviews.filter((i) => i.email !== "graduate@demo.kg").map((i) => [i.status, i.sequence])).toEqual([
        ["proposed", 0],
        ["confirmed", 1],
        ["another-time", 0],
      ]);
      expect(offers).toEqual([{ application_id: mine[1]!.application_id, status: "open" }]);
      // The calendar files are built from these rows at delivery; demo addresses are never mailed.
      expect(calendarRows.length).toBeGreaterThan(0);
      expect(calendarRows.every((r) => r.status === "not_sent" && r.last_error === "demo")).toBe(true);

      const graduate = await signInOverHttp(base, "graduate@demo.kg");
      const page = async (url: string, cookie: string, lng: string) => {
        const res = await fetch(`${base}${url}${url.includes("?") ? "&" : "?"}lng=${lng}`, { headers: { Cookie: cookie } });
        expect(res.status, url).toBe(200);
        return res.text();
      };
      const upcoming = `/me/applications/${mine[0]!.application_id}`;
      const offered = `/me/applications/${mine[1]!.application_id}`;
      for (const [lng, confirmed, accept] of [
        ["en", "Confirmed:", "Accept the offer"],
        ["ru", "Подтверждено:", "Принять предложение"],
        ["ky", "Бекитилди:", "Сунушту кабыл алуу"],
      ] as const) {
        expect(await page(upcoming, graduate, lng)).toContain(confirmed);
        expect(await page(offered, graduate, lng)).toContain(accept);
      }
      // The employer's outcome and note never reach the graduate's page.
      expect(await page(offered, graduate, "en")).not.toContain("Сильное тестовое задание");

      const postForm = (url: string, cookie: string, fields: [string, string][]) =>
        fetch(`${base}${url}`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: `${cookie}; lng=en` },
          body: new URLSearchParams(fields),
        });
      // Asking for another time without a message: the step's own page, the error beside the field.
      const refused = await postForm(`${upcoming}/interview`, graduate, [
        ["intent", "another-time"],
        ["message", "  "],
      ]);
      expect(refused.status).toBe(400);
      const refusedHtml = await refused.text();
      expect(refusedHtml).toMatch(/<p class="field__error" id="f-message-error">[^<]+<\/p>/);
      expect(refusedHtml).toContain("Confirmed:");
      // Accepting the open offer: back to the application, now hired.
      const accepted = await postForm(`${offered}/offer`, graduate, [["intent", "accept"]]);
      expect([accepted.status, accepted.headers.get("location")]).toEqual([302, offered]);
      expect(await page(offered, graduate, "en")).toContain("Hired");

      // The employer: the card of each state on the application page, the slot form for the company's applications.
      const employer = await signInOverHttp(base, "employer@demo.kg");
      const others = interviews.filter((i) => i.email !== "graduate@demo.kg");
      expect(await page(`/employer/applications/${others[0]!.application_id}`, employer, "en")).toContain(
        "Times proposed; waiting for the candidate to choose.",
      );
      expect(await page(`/employer/applications/${others[2]!.application_id}`, employer, "en")).toContain("The candidate asked for another time:");
      const form = await page(`/employer/interviews/new?application=${others[2]!.application_id}`, employer, "ru");
      expect(form).toContain("Предложить время собеседования");
      const pastSlot = await postForm(`/employer/interviews/new?application=${others[2]!.application_id}`, employer, [
        ["slot1", "2020-01-10T10:00"],
        ["minutes", "45"],
        ["place", "Офис 3"],
      ]);
      expect(pastSlot.status).toBe(400);
      const pastHtml = await pastSlot.text();
      expect(pastHtml).toContain("This time has already passed.");
      expect(pastHtml).toContain('value="Офис 3"');
    },
  );
});
