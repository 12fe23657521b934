// The fixture world of the authorization matrix and the hostile-input tests: two graduates,
// two verified companies and a pending one, staff and an admin, and one owned record behind
// every :id, :slug and :token a route takes. Sessions are stored in the database, so a copy
// of the file keeps every actor signed in.
import fs from "node:fs";
import path from "node:path";
import type { Connection } from "@db/connection";
import { createCompanyInvite } from "~/models/companies.server";
import { stageImport } from "~/models/csv-import.server";
import { createSurveyLink } from "~/models/outcomes.server";
import { setStaffScope } from "~/models/staff-scopes.server";
import { createPasswordReset } from "~/models/password-resets.server";
import { createSavedSearch } from "~/models/saved-searches.server";
import { reportConversation, sendConversationMessage } from "~/models/conversations.server";
import { smallPdf } from "@db/seed/talk18";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { makeApplication, makeCohort, makeCompany, makeInvitation, makeUser, makeVacancy, sessionCookieFor } from "./factories";

// narynStaff: a placement officer scoped to A's school (docs/decisions/063-staff-scope.md); B studies at another school.
export const ACTORS = ["visitor", "gradA", "gradB", "pending", "empX", "empY", "staff", "admin", "narynStaff"] as const;
export type Actor = (typeof ACTORS)[number];

/** Ids, slugs and tokens of the fixture world. */
export type World = {
  gradA: {
    graduateId: number;
    userId: number;
    slug: string;
    projectId: number;
    imageId: number;
    skillId: number;
    applicationId: number;
    savedSearchId: number;
    savedSearchToken: string;
    surveyToken: string;
  };
  gradB: { graduateId: number; userId: number; email: string; slug: string; placementId: number };
  x: { companyId: number; slug: string; vacancyId: number; draftVacancyId: number; inviteId: number };
  y: { companyId: number; slug: string; vacancyId: number };
  pending: { companyId: number; slug: string };
  staffId: number;
  /** A's cohort and school: the scoped officer's. */
  cohortId: number;
  schoolId: number;
  /** B's cohort and school, outside the scoped officer's scope, with a staged import into that cohort. */
  other: { cohortId: number; schoolId: number; importId: number };
  moduleId: number;
  importId: number;
  resetToken: string;
  imageFile: string;
  skillSlug: string;
  /** talk18: a PDF company X sent on A's application (unreported), and B's hired application whose conversation B reported. */
  conversation: { attachmentId: number; reportedApplicationId: number };
};

/** Builds the world; images go to uploadDir; cookies are filled in for each signed-in actor. */
export async function buildWorld(c: Connection, uploadDir: string, cookies: Partial<Record<Actor, string>>): Promise<World> {
  const db = c.db;
  const staff = await makeUser(c, "staff");
  const admin = await makeUser(c, "admin");
  const school = await db.selectFrom("schools").select("id").orderBy("id").executeTakeFirstOrThrow();
  const module = await db.selectFrom("modules").select("id").orderBy("id").executeTakeFirstOrThrow();
  const skill = await db.selectFrom("skills").select(["id", "slug"]).where("slug", "=", "javascript").executeTakeFirstOrThrow();
  const cohortId = await makeCohort(c);

  async function graduate(first: string, last: string, visibility: "employers" | "public") {
    const { graduateId } = await makeInvitation(c, staff.id, { firstName: first, lastName: last });
    const user = await makeUser(c, "graduate", { name: `${first} ${last}` });
    const slug = `${last.toLowerCase()}-${graduateId}`;
    await db
      .updateTable("graduates")
      .set({ user_id: user.id, slug, visibility, headline: "Junior", contact_email: `${slug}@mail.kg`, published_at: new Date().toISOString() })
      .where("id", "=", graduateId)
      .execute();
    if (visibility === "employers")
      await db
        .insertInto("graduate_skills")
        .values({ graduate_id: graduateId, skill_id: skill.id, level: "intermediate", source: "self", verified_by: null })
        .execute();
    const { id: projectId } = await db
      .insertInto("projects")
      .values({
        graduate_id: graduateId,
        title: `${first}'s site`,
        summary: "Summary",
        description: null,
        role: null,
        repo_url: null,
        demo_url: null,
        started_on: null,
        finished_on: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { graduateId, userId: user.id, email: user.email, slug, projectId };
  }
  // Only A has the JavaScript skill: B naming it must change nothing.
  const a = await graduate("Aigerim", "alpha", "employers");
  const b = await graduate("Bakyt", "beta", "public");
  // B moves to another school's cohort: the scoped officer (A's school) must not reach B's records.
  const otherSchool = await db.selectFrom("schools").select("id").where("id", "!=", school.id).orderBy("id").executeTakeFirstOrThrow();
  const otherCohortId = await makeCohort(c, "2026-06-30", otherSchool.id);
  await db.updateTable("graduates").set({ cohort_id: otherCohortId }).where("id", "=", b.graduateId).execute();
  const narynStaff = await makeUser(c, "staff");
  await setStaffScope(db, narynStaff.id, [school.id]);

  const imageFile = `${"ab".repeat(16)}.webp`;
  fs.mkdirSync(uploadDir, { recursive: true });
  fs.writeFileSync(path.join(uploadDir, imageFile), Buffer.from("RIFF\0\0\0\0WEBPVP8 "));
  const { id: imageId } = await db
    .insertInto("project_images")
    .values({ project_id: a.projectId, file_name: imageFile, alt: "Screenshot", width: 10, height: 10, position: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();

  async function employer(status: "pending" | "verified") {
    const user = await makeUser(c, "employer");
    const companyId = await makeCompany(c, user.id, status);
    const { slug } = await db.selectFrom("companies").select("slug").where("id", "=", companyId).executeTakeFirstOrThrow();
    return { user, companyId, slug };
  }
  const ex = await employer("verified");
  const ey = await employer("verified");
  const ep = await employer("pending");
  const vx = await makeVacancy(c, ex.companyId, { status: "open" });
  const vxDraft = await makeVacancy(c, ex.companyId, { status: "draft" });
  const vy = await makeVacancy(c, ey.companyId, { status: "open" });

  const applicationId = await makeApplication(c, vx, a.graduateId);
  const hiredId = await makeApplication(c, vx, b.graduateId, { status: "hired", startDate: "2026-07-01" });
  const { id: placementId } = await db.selectFrom("placements").select("id").where("application_id", "=", hiredId).executeTakeFirstOrThrow();
  const invite = await createCompanyInvite(db, ex.companyId, ex.user.id);

  const savedSearchId = await createSavedSearch(db, a.userId, parseBoardQuery("q=react"), "React");
  const { feed_token: savedSearchToken } = await db.selectFrom("saved_searches").select("feed_token").where("id", "=", savedSearchId).executeTakeFirstOrThrow();
  await db
    .insertInto("notifications")
    .values({ user_id: a.userId, kind: "application.moved", payload_json: "{}", link: `/me/applications/${applicationId}` })
    .execute();
  await db
    .insertInto("outcomes")
    .values({ graduate_id: a.graduateId, checkpoint: "graduation", code: "seeking", as_of: "2026-06-30", source: "staff", recorded_by: staff.id })
    .execute();
  const { token: surveyToken } = await createSurveyLink(db, a.graduateId, "m6", staff.id);
  const { token: resetToken } = await createPasswordReset(db, b.userId, staff.id);
  const importId = await stageImport(db, {
    actorId: staff.id,
    cohortId,
    fileName: "graduates.csv",
    text: "first_name,last_name\nAsel,Bekova\n",
    summary: { total: 1, accepted: 1 } as never,
  });
  const otherImportId = await stageImport(db, {
    actorId: staff.id,
    cohortId: otherCohortId,
    fileName: "other.csv",
    text: "first_name,last_name\nAida,Osmonova\n",
    summary: { total: 1, accepted: 1 } as never,
  });

  // talk18 (docs/decisions/060-notes-and-conversations.md): a conversation on each of X's applications; B reported theirs.
  const sentToA = await sendConversationMessage(db, { side: "company", companyId: ex.companyId }, applicationId, ex.user.id, "Hello", {
    fileName: "task.pdf",
    bytes: smallPdf(["Task"]),
  });
  if (!sentToA.ok) throw new Error("could not write the world's conversation");
  const { id: attachmentId } = await db
    .selectFrom("conversation_attachments")
    .select("id")
    .where("message_id", "=", sentToA.messageId)
    .executeTakeFirstOrThrow();
  await sendConversationMessage(db, { side: "company", companyId: ex.companyId }, hiredId, ex.user.id, "Welcome aboard", null);
  await reportConversation(db, { side: "graduate", graduateId: b.graduateId }, hiredId, b.userId, "Rude message");

  const users: Record<Exclude<Actor, "visitor">, number> = {
    gradA: a.userId,
    gradB: b.userId,
    pending: ep.user.id,
    empX: ex.user.id,
    empY: ey.user.id,
    staff: staff.id,
    admin: admin.id,
    narynStaff: narynStaff.id,
  };
  for (const [actor, id] of Object.entries(users)) cookies[actor as Actor] = await sessionCookieFor(id);

  return {
    gradA: {
      graduateId: a.graduateId,
      userId: a.userId,
      slug: a.slug,
      projectId: a.projectId,
      imageId,
      skillId: skill.id,
      applicationId,
      savedSearchId,
      savedSearchToken,
      surveyToken,
    },
    gradB: { graduateId: b.graduateId, userId: b.userId, email: b.email, slug: b.slug, placementId },
    x: { companyId: ex.companyId, slug: ex.slug, vacancyId: vx, draftVacancyId: vxDraft, inviteId: invite.id },
    y: { companyId: ey.companyId, slug: ey.slug, vacancyId: vy },
    pending: { companyId: ep.companyId, slug: ep.slug },
    staffId: staff.id,
    cohortId,
    schoolId: school.id,
    other: { cohortId: otherCohortId, schoolId: otherSchool.id, importId: otherImportId },
    moduleId: module.id,
    importId,
    resetToken,
    imageFile,
    skillSlug: skill.slug,
    conversation: { attachmentId, reportedApplicationId: hiredId },
  };
}
