// The demo generator writes only what the portal's own forms would write (issue 13 item 1,
// docs/decisions/006-demo-generator.md): a real demo database is generated, then every row a
// form makes is read back through that form's own schema. A generator that bypasses a form
// (an older snapshot shape, a value the form refuses) fails here, not as a 500 on a page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import type { ApplicationStatus } from "@db/schema";
import { ApplySchema } from "~/domain/applications/forms";
import { canMove } from "~/domain/applications/pipeline";
import { ApplicationSnapshotSchema } from "~/domain/applications/snapshot";
import { hireCheckpoint } from "~/domain/outcomes/checkpoint-dates";
import { StaffOutcomeSchema } from "~/domain/outcomes/forms";
import { BasicsSchema } from "~/domain/profile/forms";
import { LANGUAGE_CODES } from "~/domain/profile/options";
import { CEFR_LEVELS } from "~/domain/skills/levels";
import { ProjectSchema } from "~/domain/profile/project-form";
import { sanitizeRichText } from "~/domain/text/rich-text";
import { todayInBishkek } from "~/domain/calendar";
import { VacancySchema } from "~/domain/vacancies/form";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";

let c: Connection;
beforeAll(async () => {
  // The demo as seedDemoData writes it, generated once per run (tests/support/db.ts).
  c = await createDemoTestDatabase();
}, 180_000);
afterAll(closeTestDatabases);

const all = <T>(sql: string): T[] => c.sqlite.prepare(sql).all() as T[];
const field = (v: string | number | null) => (v === null ? "" : String(v));
const issues = (e: { issues: { path: PropertyKey[]; message: string }[] }) => e.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
/** The columns where the parsed form values and the stored row disagree. */
const differing = (row: Record<string, unknown>, parsed: Record<string, unknown>, columns: Record<string, string>) =>
  Object.entries(columns)
    .filter(([column, key]) => (row[column] ?? null) !== (parsed[key] ?? null))
    .map(([column]) => column);

describe("the demo data is what the forms would write", () => {
  it("every application's copy of what was sent is in the current snapshot version and names its graduate; invitations have none", () => {
    const rows = all<{ id: number; status: string; snapshot_json: string | null; name: string; note: string | null }>(
      "select a.id, a.status, a.snapshot_json, a.note, g.first_name || ' ' || g.last_name as name from applications a join graduates g on g.id = a.graduate_id order by a.id",
    );
    expect(rows.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const r of rows) {
      if (r.status === "invited") {
        if (r.snapshot_json !== null || r.note !== null) wrong.push(`${r.id}: an invitation carries a copy or a note`);
        continue;
      }
      if (r.snapshot_json === null) {
        wrong.push(`${r.id}: ${r.status} without a copy`);
        continue;
      }
      const parsed = ApplicationSnapshotSchema.safeParse(JSON.parse(r.snapshot_json));
      if (!parsed.success)
        wrong.push(
          `${r.id}: ${parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join(".")} ${i.message}`)
            .join("; ")}`,
        );
      else if (parsed.data.graduate.name !== r.name) wrong.push(`${r.id}: copy names ${parsed.data.graduate.name}, not ${r.name}`);
    }
    expect(wrong).toEqual([]);
    // Believable: most copies carry at least one project, as people apply with their work.
    const withProjects = rows.filter((r) => r.snapshot_json && (JSON.parse(r.snapshot_json) as { projects: unknown[] }).projects.length > 0).length;
    expect(withProjects / rows.filter((r) => r.snapshot_json).length).toBeGreaterThan(0.8);
  });

  it("every cover note passes the apply form's schema unchanged", () => {
    const notes = all<{ id: number; note: string }>("select id, note from applications where note is not null");
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(ApplySchema.parse({ note: n.note }).note, `application ${n.id}`).toBe(n.note);
  });

  it("every application's history starts where applying or inviting starts and moves only as the pipeline allows, by the party it allows", () => {
    const events = all<{
      application_id: number;
      from_status: ApplicationStatus | null;
      to_status: ApplicationStatus;
      role: string | null;
      status: ApplicationStatus;
      actor_is_graduate: number;
    }>(
      `select e.application_id, e.from_status, e.to_status, u.role, a.status, e.actor_user_id = g.user_id as actor_is_graduate
       from application_events e join applications a on a.id = e.application_id join graduates g on g.id = a.graduate_id left join users u on u.id = e.actor_user_id
       order by e.application_id, e.created_at, e.id`,
    );
    const wrong: string[] = [];
    const last = new Map<number, ApplicationStatus>();
    for (const e of events) {
      const previous = last.get(e.application_id) ?? null;
      if (e.from_status !== previous) wrong.push(`${e.application_id}: ${e.from_status} after ${previous}`);
      if (e.role === null) wrong.push(`${e.application_id}: ${e.to_status} by nobody`);
      const actor = e.role === "graduate" ? "graduate" : "employer";
      // A step inside the interview or offer stage (slots proposed or picked, a cancellation, an offer withdrawn or
      // replaced: docs/decisions/061-interview-slots-and-offers.md) is an event without a move, by either party.
      const withinStage = e.from_status !== null && e.from_status === e.to_status && (e.to_status === "interview" || e.to_status === "offer");
      if (
        e.from_status === null
          ? !(e.to_status === "applied" ? actor === "graduate" && e.actor_is_graduate : e.to_status === "invited" && actor === "employer")
          : !withinStage && !canMove(e.from_status, e.to_status, actor)
      ) {
        wrong.push(`${e.application_id}: ${e.from_status} → ${e.to_status} by ${actor}`);
      }
      if (actor === "graduate" && !e.actor_is_graduate) wrong.push(`${e.application_id}: moved by another graduate`);
      last.set(e.application_id, e.to_status);
    }
    for (const [id, status] of last)
      if (all<{ status: string }>(`select status from applications where id = ${id}`)[0]!.status !== status) wrong.push(`${id}: history ends at ${status}`);
    expect(wrong).toEqual([]);
    expect(
      all<{ n: number }>("select count(*) as n from applications a where not exists (select 1 from application_events e where e.application_id = a.id)")[0]!.n,
    ).toBe(0);
    // Nothing happened after the demo was made, and an application's last change is its last step.
    const now = new Date().toISOString();
    expect(all<{ id: number }>(`select id from applications where created_at > '${now}' or updated_at > '${now}'`)).toEqual([]);
    expect(all<{ id: number }>(`select id from application_events where created_at > '${now}'`)).toEqual([]);
    expect(
      all<{ id: number }>(
        "select a.id from applications a where a.updated_at != (select max(e.created_at) from application_events e where e.application_id = a.id)",
      ),
    ).toEqual([]);
  });

  it("every hire's placement carries the vacancy's terms, as the employer's move records them", () => {
    const wrong = all<{ id: number }>(
      "select p.id from placements p join vacancies v on v.id = p.vacancy_id join applications a on a.id = p.application_id where p.employment_type != v.employment_type or p.job_title != v.title or a.status != 'hired' or p.recorded_by is null",
    );
    expect(all<{ n: number }>("select count(*) as n from placements")[0]!.n).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
    // …and its "employed" record, made by the hire's own function: one per placement whose job starts
    // by the last checkpoint (as-of rule, docs/decisions/021: a later start fills no checkpoint), the employer as recorder.
    const records = all<{ id: number; graduation_date: string; start_date: string; n: number }>(
      "select p.id, c.graduation_date, p.start_date, (select count(*) from outcomes o where o.placement_id = p.id and o.source = 'application' and o.code = 'employed' and o.recorded_by = p.recorded_by and o.company_id = p.company_id) as n from placements p join graduates g on g.id = p.graduate_id join cohorts c on c.id = g.cohort_id",
    );
    expect(records.filter((r) => r.n !== (hireCheckpoint(r.graduation_date, r.start_date) ? 1 : 0)).map((r) => r.id)).toEqual([]);
  });

  it("every profile a graduate published passes the profile form's schema with the same values", () => {
    const rows = all<Record<string, string | number | null>>("select * from graduates where slug is not null order by id");
    expect(rows.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    for (const g of rows) {
      const parsed = BasicsSchema.safeParse({
        intent: "basics",
        headline: field(g.headline),
        about: field(g.about),
        regionId: field(g.region_id),
        city: field(g.city),
        relocate: g.willing_to_relocate ? "on" : undefined,
        remote: field(g.remote_preference),
        availableFrom: field(g.available_from),
        contactEmail: field(g.contact_email),
        contactPhone: field(g.contact_phone),
        contactTelegram: field(g.contact_telegram),
        visibility: field(g.visibility),
      });
      if (!parsed.success) wrong.push(`graduate ${g.id}: ${issues(parsed.error)}`);
      else {
        const bad = differing(g, parsed.data, {
          headline: "headline",
          about: "about",
          region_id: "regionId",
          city: "city",
          contact_email: "contactEmail",
          contact_phone: "contactPhone",
          contact_telegram: "contactTelegram",
          visibility: "visibility",
        });
        if (bad.length) wrong.push(`graduate ${g.id}: the form would store other ${bad.join(", ")}`);
      }
    }
    const languages = all<{ graduate_id: number; language: string; level: string }>("select * from graduate_languages");
    for (const l of languages) {
      if (!(LANGUAGE_CODES as readonly string[]).includes(l.language) || !CEFR_LEVELS.includes(l.level as never))
        wrong.push(`graduate ${l.graduate_id}: language ${l.language} ${l.level}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("every project passes the project form's schema with the same values", () => {
    const rows = all<Record<string, string | number | null>>("select * from projects order by id");
    expect(rows.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    for (const p of rows) {
      const parsed = ProjectSchema.safeParse({
        title: field(p.title),
        summary: field(p.summary),
        description: field(p.description),
        role: field(p.role),
        skills: "",
        repoUrl: field(p.repo_url),
        demoUrl: field(p.demo_url),
        startedOn: field(p.started_on),
        finishedOn: field(p.finished_on),
      });
      if (!parsed.success) wrong.push(`project ${p.id}: ${issues(parsed.error)}`);
      else {
        const bad = differing(p, parsed.data, {
          title: "title",
          summary: "summary",
          description: "description",
          role: "role",
          repo_url: "repoUrl",
          demo_url: "demoUrl",
          started_on: "startedOn",
          finished_on: "finishedOn",
        });
        if (bad.length) wrong.push(`project ${p.id}: the form would store other ${bad.join(", ")}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("every vacancy passes the vacancy form's schema with the same values, its text as the editor stores it", () => {
    const rows = all<Record<string, string | number | null>>("select * from vacancies order by id");
    const today = todayInBishkek(); // the day the form checks against (app/domain/calendar.ts)
    const wrong: string[] = [];
    for (const v of rows) {
      // A deadline that has passed was in the future when the vacancy was saved: the form checks it against that day.
      const deadline = typeof v.deadline === "string" && v.deadline < today ? "" : field(v.deadline);
      const parsed = VacancySchema.safeParse({
        title: field(v.title),
        description: field(v.description),
        employmentType: field(v.employment_type),
        workMode: field(v.work_mode),
        city: field(v.city),
        region: field(v.region_id),
        salaryMin: field(v.salary_min),
        salaryMax: field(v.salary_max),
        salaryHidden: v.salary_hidden ? "1" : undefined,
        openings: field(v.openings),
        deadline,
        skills: "",
        niceSkills: "",
      });
      if (!parsed.success) wrong.push(`vacancy ${v.id}: ${issues(parsed.error)}`);
      else {
        const bad = differing(v, parsed.data, {
          title: "title",
          city: "city",
          region_id: "region",
          salary_min: "salaryMin",
          salary_max: "salaryMax",
          openings: "openings",
          employment_type: "employmentType",
          work_mode: "workMode",
        });
        if (bad.length) wrong.push(`vacancy ${v.id}: the form would store other ${bad.join(", ")}`);
      }
      if (sanitizeRichText(String(v.description)) !== v.description) wrong.push(`vacancy ${v.id}: description is not what the editor stores`);
      if (v.status === "open" && !(typeof v.deadline === "string" && v.deadline >= today)) wrong.push(`vacancy ${v.id}: open past its deadline`);
    }
    expect(rows.length).toBeGreaterThan(100);
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("every outcome record passes the staff outcome form's schema with the same values", () => {
    const rows = all<Record<string, string | number | null>>("select * from outcomes order by id");
    expect(rows.length).toBeGreaterThan(500);
    const str = (v: string | number | null) => (v === null ? undefined : String(v));
    const wrong: string[] = [];
    for (const o of rows) {
      const parsed = StaffOutcomeSchema.safeParse({
        checkpoint: str(o.checkpoint),
        code: str(o.code),
        asOf: str(o.as_of),
        reason: str(o.not_seeking_reason ?? o.excluded_reason),
        kind: str(o.employment_kind),
        hours: str(o.hours_per_week),
        companyId: str(o.company_id),
        employerName: str(o.employer_name),
        jobTitle: str(o.job_title),
        startDate: str(o.start_date),
        monthlyPay: str(o.monthly_pay),
        related: str(o.related),
        regionId: str(o.job_region_id),
      });
      if (!parsed.success) {
        wrong.push(`${o.id} (${o.code}): ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
        continue;
      }
      const e = parsed.data.employment;
      const same = e
        ? e.kind === o.employment_kind &&
          e.hours === o.hours_per_week &&
          e.companyId === o.company_id &&
          e.employerName === o.employer_name &&
          e.jobTitle === o.job_title &&
          e.startDate === o.start_date &&
          e.monthlyPay === o.monthly_pay &&
          e.related === o.related &&
          e.regionId === o.job_region_id
        : o.employment_kind === null && o.company_id === null && o.employer_name === null && o.job_title === null;
      if (!same) wrong.push(`${o.id} (${o.code}): the form would store other values`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});

// Issue 14, item 13: the demo reads as a real portal would on the day it was generated.
describe("the demo data is believable", () => {
  it("a vacancy introduces its own company, in one of the company's own descriptions", async () => {
    const { companies } = await import("@db/seed/data/companies");
    const about = new Map(companies.map((co) => [co.slug, Object.values(co.about)]));
    const rows = all<{ id: number; slug: string; description: string }>(
      "select v.id, c.slug, v.description from vacancies v join companies c on c.id = v.company_id",
    );
    const misfits = rows.filter(
      (r) => about.has(r.slug) && !about.get(r.slug)!.some((text) => r.description.startsWith(`<p>${sanitizeRichText(text).replace(/^<p>|<\/p>$/g, "")}</p>`)),
    );
    expect(misfits.slice(0, 5)).toEqual([]);
  });

  it("every company has a field, and each vacancy's title and duties come from that field's own set", async () => {
    const { companies } = await import("@db/seed/data/companies");
    const { fieldProfiles, vacancyTitles } = await import("@db/seed/data/vacancy-texts");
    const { tracks } = await import("@db/seed/data/tracks");
    expect(companies.filter((co) => !(co.field in fieldProfiles)).map((co) => co.slug)).toEqual([]);
    const fieldOf = new Map(companies.map((co) => [co.slug, fieldProfiles[co.field]]));
    const rows = all<{ id: number; slug: string; title: string; description: string }>(
      "select v.id, c.slug, v.title, v.description from vacancies v join companies c on c.id = v.company_id",
    );
    expect(rows.length).toBeGreaterThan(100);
    const misfits: string[] = [];
    for (const r of rows) {
      const profile = fieldOf.get(r.slug)!;
      const titles = profile.tracks.flatMap((track) => profile.titles?.[track] ?? vacancyTitles[track] ?? []);
      if (!titles.includes(r.title)) misfits.push(`${r.id} ${r.slug}: title «${r.title}»`);
      // The duties list: the first <ul> (the offers list after it fits any company).
      const duties = [...(r.description.match(/<ul>(.*?)<\/ul>/)?.[1] ?? "").matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
      const allowed = new Set(
        Object.values(profile.duties)
          .flat()
          .map((d) => sanitizeRichText(d).replace(/^<p>|<\/p>$/g, "")),
      );
      for (const d of duties) if (!allowed.has(d)) misfits.push(`${r.id} ${r.slug}: duty «${d}»`);
    }
    expect(misfits.slice(0, 10)).toEqual([]);
    // The skills it requires are the core skills of a track the field hires for.
    const coreOf = new Map(tracks.map((t) => [t.key, t.core]));
    const required = all<{ id: number; slug: string; skill: string }>(
      "select v.id, c.slug, s.slug as skill from vacancy_skills vs join vacancies v on v.id = vs.vacancy_id join companies c on c.id = v.company_id join skills s on s.id = vs.skill_id where vs.required = 1",
    );
    const offField = required.filter((r) => !fieldOf.get(r.slug)!.tracks.some((track) => coreOf.get(track)?.includes(r.skill)));
    expect(offField.slice(0, 10)).toEqual([]);
  });

  it("no vacancy waits for review with its deadline already past", () => {
    const today = todayInBishkek();
    expect(all<{ id: number }>(`select id from vacancies where status = 'submitted' and deadline < '${today}'`)).toEqual([]);
  });

  it("each demo employer's verified company has applicants to open (the demo's showcase pages are never empty)", () => {
    const rows = all<{ email: string; n: number }>(
      `select u.email, (select count(*) from applications a join vacancies v on v.id = a.vacancy_id where v.company_id = c.id) n
         from users u join company_members cm on cm.user_id = u.id join companies c on c.id = cm.company_id
        where u.email in ('employer@demo.kg', 'employer2@demo.kg') and c.status = 'verified'`,
    );
    expect(rows.map((r) => r.email).sort()).toEqual(["employer2@demo.kg", "employer@demo.kg"]);
    for (const r of rows) expect(r.n, r.email).toBeGreaterThanOrEqual(3);
  });

  it("no invitation code of a graduate who has not joined has expired", () => {
    const now = new Date().toISOString();
    const expired = all<{ code: string }>(
      `select i.code from invitations i join graduates g on g.id = i.graduate_id where i.used_at is null and g.user_id is null and i.expires_at <= '${now}'`,
    );
    expect(expired.length).toBe(0);
  });
});
