// probe-ux: an application's history read «Аңгемелешүү → Аңгемелешүү · ким: Айпери Жумабекова»
// for a picked time, and the same for another time asked or an interview cancelled: steps inside
// the interview stage leave the stage as it was. Each such event now names its step (migration
// 0042, docs/decisions/075-history-steps.md), and the history says it in words.
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { getGraduateApplication } from "~/models/applications.server";
import { askAnotherTime, cancelInterview } from "~/models/interviews.server";
import { LANGS } from "~/i18n/negotiate";
import { catalogs } from "~/i18n/catalog.server";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));
const { ApplicationHistory } = await import("~/components/application");

let c: Connection;
beforeAll(async () => {
  c = await createDemoTestDatabase();
}, 180_000);
afterAll(closeTestDatabases);

const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "");
const stageToSame = () =>
  c.sqlite.prepare("select id, step from application_events where from_status = to_status order by id").all() as { id: number; step: string | null }[];

describe("a step inside the interview stage", () => {
  it("is recorded with its step by every writer the demo runs (picked times, another time, moves)", () => {
    const same = stageToSame();
    expect(same.length).toBeGreaterThan(0);
    expect(same.filter((e) => e.step === null)).toEqual([]);
  });

  it("reads as what happened in ky, ru and en, never as a stage moving to itself", async () => {
    // The demo graduate's upcoming interview: she asks for another time, then the company cancels.
    const app = c.sqlite
      .prepare(
        `select a.id, a.graduate_id, g.user_id, v.company_id from applications a join graduates g on g.id = a.graduate_id join vacancies v on v.id = a.vacancy_id
          join interviews i on i.application_id = a.id and i.status = 'confirmed' join users u on u.id = g.user_id where u.email = 'graduate@demo.kg' order by a.id limit 1`,
      )
      .get() as { id: number; graduate_id: number; user_id: number; company_id: number };
    const employer = c.sqlite.prepare("select user_id from company_members where company_id = ? limit 1").pluck().get(app.company_id) as number;
    expect(await askAnotherTime(c.db, app.graduate_id, app.id, "Экзамен в этот день", app.user_id)).toEqual({ ok: true });
    expect(await cancelInterview(c.db, { companyId: app.company_id }, app.id, "Вакансия закрыта", employer)).toMatchObject({ ok: true });
    const { events } = (await getGraduateApplication(c.db, app.graduate_id, app.id))!;
    expect(events.map((e) => e.step).filter(Boolean)).toEqual(expect.arrayContaining(["slot-picked", "another-time", "interview-cancelled"]));
    for (const lang of LANGS) {
      const m = catalogs[lang];
      const line = text(renderPage(lang, () => createElement(ApplicationHistory, { events }), { loader: null }, /\bapplications\.[a-zA-Z-]+\.[a-zA-Z-]+/));
      for (const step of ["slot-picked", "another-time", "interview-cancelled"] as const) expect(line, lang).toContain(m[`applications.step.${step}`]);
      expect(line, lang).not.toContain(`${m["applications.status.interview"]} → ${m["applications.status.interview"]}`);
    }
  });
});
