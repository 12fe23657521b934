// Demo data: believable people, companies and cohorts, identical on every install (seeded
// random numbers). The same generator builds the large benchmark set when given sizes.
import type { Connection } from "../connection";
import { hashPassword } from "../../app/auth/password.server";
import { makeUser } from "../factories/accounts";
import { makeGraduate } from "../factories/graduates";
import { CODE_ALPHABET } from "../../app/auth/tokens.server";
import { companies } from "./data/companies";
import { randomBytes } from "node:crypto";
import { randomPerson } from "./people";
import { seedProfiles } from "./profiles";
import { seedVacancies } from "./vacancies";
import { seedOutcomes } from "./outcomes";
import { seedOutbox } from "./outbox";
import { seedSurveyCampaign } from "./campaigns";
import { seedTeamNotesAndConversations } from "./talk18";
import { seedApplicantDecisions } from "./list18";
import { rebuildSearchIndexes } from "../../app/models/search-index.server";
import { seedInterviewsAndOffers } from "./slots18";
import { seedScopedOfficer } from "./staff-scope";
import { seedSavedReports } from "./report19";
import { addDays as addCalendarDays, addMonths } from "../../app/domain/outcomes/checkpoint-dates";
import { createRandom, type Random } from "./random";
import { todayInBishkek } from "../../app/domain/calendar";
import { kyrgyzSortKey } from "../../app/domain/search/kyrgyz-order";

export const DEMO_PASSWORD = "demo-portal-2026";
/** A known, unused invitation code so that anyone can try joining as a graduate. */
export const DEMO_INVITATION_CODE = "KG-DEMO-2026";

export const DEMO_ACCOUNTS = {
  admin: "admin@demo.kg",
  staff: "staff@demo.kg",
  employer: "employer@demo.kg",
  employer2: "employer2@demo.kg",
  pendingEmployer: "pending@demo.kg",
  graduate: "graduate@demo.kg",
  graduate2: "graduate2@demo.kg",
  /** A placement officer who sees the Naryn lyceum only (issue 19, db/seed/staff-scope.ts). */
  naryn: "naryn@demo.kg",
} as const;

export type SeedSize = { graduates: number; openVacancies?: number; seed?: number };
export const DEMO_SIZE: SeedSize = { graduates: 900, openVacancies: 90, seed: 2026 };

const FIRST_YEAR = 2019;
const LAST_YEAR = 2026;

function code(random: Random): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += random.pick(CODE_ALPHABET.split(""));
  return `KG-${s.slice(0, 4)}-${s.slice(4)}`;
}

function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
}

export async function seedDemoData({ db, sqlite }: Connection, size: SeedSize = DEMO_SIZE, options: { uploadDir?: string } = {}): Promise<void> {
  const random = createRandom(size.seed ?? 2026);
  const now = new Date().toISOString();
  // The demo's "today" is the Bishkek date, as every form checks it (app/domain/calendar.ts): between
  // 00:00 and 06:00 in Bishkek the UTC date is still yesterday, and a deadline of "today" would be past.
  const todayHere = todayInBishkek(new Date(now));

  // Accounts and the demo graduates are made by the factories the tests use
  // (db/factories, docs/decisions/039-shared-factories.md): the model functions the forms call.
  const account = async (email: string, role: "admin" | "staff" | "employer", name: string) =>
    (await makeUser(db, role, { email, password: DEMO_PASSWORD, name })).id;
  await account(DEMO_ACCOUNTS.admin, "admin", "Гүлнара Сатыбалдиева");
  const staffId = await account(DEMO_ACCOUNTS.staff, "staff", "Нургүл Абдыкадырова");

  // Companies: most verified HTP residents, a few waiting or refused, so every state is visible.
  const companyIds: number[] = [];
  for (const [i, c] of companies.entries()) {
    const status = i < 34 ? "verified" : i < 38 ? "pending" : "rejected";
    const { id } = await db
      .insertInto("companies")
      .values({
        slug: c.slug,
        name: c.name,
        status,
        htp_number: c.htpNumber,
        website: c.website,
        city: c.city,
        about: c.about.en,
        trusted: i % 5 === 0 && status === "verified" ? 1 : 0,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    companyIds.push(id);
  }
  const member = async (email: string, name: string, companyIndex: number) => {
    const userId = await account(email, "employer", name);
    await db.insertInto("company_members").values({ company_id: companyIds[companyIndex]!, user_id: userId }).execute();
  };
  await member(DEMO_ACCOUNTS.employer, "Тимур Исаков", 0);
  await member(DEMO_ACCOUNTS.employer2, "Анна Ким", 1);
  await member(DEMO_ACCOUNTS.pendingEmployer, "Эрлан Жусупов", 34);

  // Cohorts: every school graduates a class each June, 2019–2026.
  const schools = await db.selectFrom("schools").select(["id", "slug"]).orderBy("id").execute();
  for (const school of schools) {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      await db
        .insertInto("cohorts")
        .values({ school_id: school.id, graduation_date: `${year}-06-30` })
        .execute();
    }
  }
  const cohorts = await db.selectFrom("cohorts").select(["id", "graduation_date", "school_id"]).orderBy("id").execute();

  insertGraduates({ db, sqlite }, cohorts, size.graduates, random, staffId);

  // The demo graduates with accounts: bound to enrolled records like anyone who joins.
  const naryn2025 = cohorts.find((c) => c.graduation_date === "2025-06-30" && c.school_id === schools.find((s) => s.slug === "pl-87-naryn")!.id)!;
  const karakol2024 = cohorts.find((c) => c.graduation_date === "2024-06-30" && c.school_id === schools.find((s) => s.slug === "pl-14-karakol")!.id)!;
  const naryn2026 = cohorts.find((c) => c.graduation_date === "2026-06-30" && c.school_id === schools.find((s) => s.slug === "pl-87-naryn")!.id)!;
  const trackOf = new Map<number, string>();
  for (const [email, first, last, sex, cohort, track] of [
    [DEMO_ACCOUNTS.graduate, "Айпери", "Жумабекова", "f", naryn2025, "frontend"],
    [DEMO_ACCOUNTS.graduate2, "Бакыт", "Токтогулов", "m", karakol2024, "qa"],
  ] as const) {
    // Enrolled by staff and joined with the demo password; the code drawn from the seeded stream and
    // dated by the cohort, so the demo is the same on every install.
    const invitation = { code: code(random), expiresAt: addDays(cohort.graduation_date, 120), usedAt: addDays(cohort.graduation_date, 3) };
    const { graduateId } = await makeGraduate(db, {
      cohortId: cohort.id,
      firstName: first,
      lastName: last,
      sex,
      staffId,
      account: { email, password: DEMO_PASSWORD },
      invitation,
    });
    trackOf.set(graduateId, track);
  }
  const lockedPasswordHash = await hashPassword(randomBytes(24).toString("hex"));
  await seedProfiles({ db, sqlite }, random, {
    joinRate: 0.6,
    lockedPasswordHash,
    staffId,
    uploadDir: options.uploadDir,
    withImages: size.graduates > 5000 ? 0 : 16,
    today: todayHere,
    trackOf,
  });
  // The demo graduate's profile is complete: every module verified, a verified certificate.
  const aiperi = await db
    .selectFrom("graduates")
    .innerJoin("users", "users.id", "graduates.user_id")
    .select("graduates.id")
    .where("users.email", "=", DEMO_ACCOUNTS.graduate)
    .executeTakeFirstOrThrow();
  const modules = await db.selectFrom("modules").select("id").execute();
  for (const m of modules) {
    await db
      .insertInto("graduate_modules")
      .values({ graduate_id: aiperi.id, module_id: m.id, completed_on: "2025-05-20", score: 91, verified_by: staffId, verified_at: "2025-06-25T09:00:00.000Z" })
      .onConflict((oc) => oc.columns(["graduate_id", "module_id"]).doUpdateSet({ verified_by: staffId, verified_at: "2025-06-25T09:00:00.000Z" }))
      .execute();
  }
  await db
    .updateTable("graduates")
    .set({
      headline: "Junior frontend-разработчик (React), Нарын",
      certificate_number: "ISDEL-KG-20417",
      certificate_date: "2025-06-10",
      certificate_verified_by: staffId,
      certificate_verified_at: "2025-06-26T10:00:00.000Z",
      english_level: "B2",
      contact_email: "aiperi.zhumabekova@mail.kg",
      contact_phone: "+996 555 214 907",
      contact_telegram: "@aiperi_dev",
      willing_to_relocate: 1,
      available_from: null,
    })
    .where("id", "=", aiperi.id)
    .execute();
  await db.updateTable("graduate_languages").set({ level: "B2" }).where("graduate_id", "=", aiperi.id).where("language", "=", "en").execute();

  await seedVacancies({ db, sqlite }, random, {
    openTarget: size.openVacancies ?? Math.round(size.graduates / 5),
    staffId,
    today: todayHere,
    seed: size.seed ?? 2026,
    lockedPasswordHash,
  });
  // A small mid-year cohort whose +6 months checkpoint fell a few days ago, so the demo's
  // follow-up list always has checkpoints "due" (the June cohorts' are all overdue or not yet).
  const today = todayHere;
  const winterDate = addCalendarDays(addMonths(today, -6), -5);
  for (const slug of ["pl-98-bishkek", "ipk-tokmok"]) {
    const schoolId = schools.find((s) => s.slug === slug)?.id;
    if (!schoolId) continue;
    const { id: cohortId } = await db
      .insertInto("cohorts")
      .values({ school_id: schoolId, graduation_date: winterDate })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 8; i++) {
      const person = randomPerson(random);
      await db
        .insertInto("graduates")
        .values({
          cohort_id: cohortId,
          first_name: person.first,
          last_name: person.last,
          name_sort_key: kyrgyzSortKey(`${person.last} ${person.first}`),
          sex: person.sex,
        })
        .execute();
    }
  }
  await seedOutcomes({ db, sqlite }, random, { today, staffId });
  // slots18: interviews proposed, confirmed, moved; graduate@demo.kg's upcoming interview and open offer (before seedOutbox marks
  // messages "not sent: demo"). Before the conversation below, which then uses one of her two applications: one open vacancy of
  // the demo company stays free for a visitor trying the apply form (and the browser tests that do).
  await seedInterviewsAndOffers(db, DEMO_ACCOUNTS);
  // Before the invitee below: its creation time marks the end of the demo's rows (db/seed/demo-removal.ts), and this adds a colleague account.
  await seedTeamNotesAndConversations(db, { employer: DEMO_ACCOUNTS.employer, graduate: DEMO_ACCOUNTS.graduate });
  await seedScopedOfficer(db, { email: DEMO_ACCOUNTS.naryn, password: DEMO_PASSWORD });

  await makeGraduate(db, {
    cohortId: naryn2026.id,
    firstName: "Нурбек",
    lastName: "Алымкулов",
    sex: "m",
    staffId,
    invitation: { code: DEMO_INVITATION_CODE, expiresAt: addDays(now, 365) },
  });

  await seedSurveyCampaign(db, staffId, new Date());
  await seedOutbox(db, new Date());
  await seedApplicantDecisions(db, new Date(), { employer: DEMO_ACCOUNTS.employer, keep: [DEMO_ACCOUNTS.graduate, DEMO_ACCOUNTS.graduate2] });
  await seedSavedReports(db, staffId);

  // The search indexes are written once, for everything the bulk inserts made (app/models/search-index.server.ts).
  await rebuildSearchIndexes(db);
  // The matching index, the outcome facts and the page cache read everything on first use; the change logs of the bulk load are noise.
  sqlite.exec("delete from match_changes; delete from outcome_changes; delete from page_changes");
}

/** Bulk insert through one prepared statement in one transaction: 100,000 rows in a few seconds. */
function insertGraduates(
  { sqlite }: Connection,
  cohorts: { id: number; graduation_date: string; school_id: number }[],
  count: number,
  random: Random,
  createdBy: number,
): void {
  const bySchool = new Map<number, typeof cohorts>();
  for (const c of [...cohorts].sort((a, b) => a.graduation_date.localeCompare(b.graduation_date))) {
    bySchool.set(c.school_id, [...(bySchool.get(c.school_id) ?? []), c]);
  }
  const schoolCohorts = [...bySchool.values()];
  const renewedUntil = addDays(new Date().toISOString(), 120);
  // The name's sort key is written with it (migration 0013): no second write per graduate.
  const insertGraduate = sqlite.prepare(
    "insert into graduates (cohort_id, first_name, last_name, name_sort_key, sex, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertInvitation = sqlite.prepare(
    "insert into invitations (code, graduate_id, created_by, expires_at, used_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const used = new Set<string>();
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Later cohorts are larger: the cluster has been growing.
      const ofSchool = random.pick(schoolCohorts);
      const cohort = ofSchool[Math.floor(Math.sqrt(random.next()) * ofSchool.length)]!;
      const person = randomPerson(random);
      const enrolledAt = addDays(`${cohort.graduation_date}T09:00:00.000Z`, -random.int(20, 60));
      const { lastInsertRowid } = insertGraduate.run(
        cohort.id,
        person.first,
        person.last,
        kyrgyzSortKey(`${person.last} ${person.first}`),
        person.sex,
        enrolledAt,
        enrolledAt,
      );
      let c = code(random);
      while (used.has(c)) c = code(random);
      used.add(c);
      // Codes nobody used yet stay valid for a demo that is new (issue 14, item 13): at least 120
      // days from when the demo is generated, as if staff had renewed them.
      const byEnrolment = addDays(enrolledAt, 120);
      const expires = byEnrolment > renewedUntil ? byEnrolment : renewedUntil;
      insertInvitation.run(c, lastInsertRowid, createdBy, expires, null, enrolledAt, enrolledAt);
    }
  })();
}
