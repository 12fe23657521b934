// Portfolio projects and their images. Every function is scoped to one graduate: it takes
// the graduate's id and touches only rows of that graduate's projects, so a project id
// from another account names nothing (the routes answer 404).
import type { DB } from "@db/connection";
import type { SkillRef } from "./skills.server";
import { refreshGraduateSearch } from "./graduate-search.server";

export const MAX_IMAGES_PER_PROJECT = 6;

export type ProjectInput = {
  title: string;
  summary: string | null;
  description: string | null;
  role: string | null;
  repoUrl: string | null;
  demoUrl: string | null;
  startedOn: string | null;
  finishedOn: string | null;
  skillIds: number[];
};

export type ProjectImageRow = { id: number; file_name: string; alt: string; width: number; height: number; position: number };

const projectColumns = [
  "projects.id",
  "projects.title",
  "projects.summary",
  "projects.description",
  "projects.role",
  "projects.repo_url",
  "projects.demo_url",
  "projects.started_on",
  "projects.finished_on",
  "projects.position",
] as const;

async function skillsOf(db: DB, projectIds: number[]) {
  if (!projectIds.length) return new Map<number, SkillRef[]>();
  const rows = await db
    .selectFrom("project_skills")
    .innerJoin("skills", "skills.id", "project_skills.skill_id")
    .select(["project_skills.project_id", "skills.id", "skills.slug", "skills.name_ky", "skills.name_ru", "skills.name_en"])
    .where("project_skills.project_id", "in", projectIds)
    // A stable order only: the card orders chips by the name it shows (docs/decisions/050-skill-chips-order.md).
    .orderBy("skills.id")
    .execute();
  const map = new Map<number, SkillRef[]>();
  for (const { project_id, ...skill } of rows) map.set(project_id, [...(map.get(project_id) ?? []), skill]);
  return map;
}

async function imagesOf(db: DB, projectIds: number[]) {
  if (!projectIds.length) return new Map<number, ProjectImageRow[]>();
  const rows = await db
    .selectFrom("project_images")
    .select(["project_id", "id", "file_name", "alt", "width", "height", "position"])
    .where("project_id", "in", projectIds)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const map = new Map<number, ProjectImageRow[]>();
  for (const { project_id, ...image } of rows) map.set(project_id, [...(map.get(project_id) ?? []), image]);
  return map;
}

/** The graduate's projects in their chosen order, each with its skills and images. */
export async function listProjects(db: DB, graduateId: number) {
  const projects = await db
    .selectFrom("projects")
    .select(projectColumns)
    .where("projects.graduate_id", "=", graduateId)
    .orderBy("projects.position")
    .orderBy("projects.id")
    .execute();
  const ids = projects.map((p) => p.id);
  const [skills, images] = await Promise.all([skillsOf(db, ids), imagesOf(db, ids)]);
  return projects.map((p) => ({ ...p, skills: skills.get(p.id) ?? [], images: images.get(p.id) ?? [] }));
}

export type ProjectWithDetails = Awaited<ReturnType<typeof listProjects>>[number];

/** One of the graduate's projects, or null when the id is not theirs. */
export async function getProject(db: DB, graduateId: number, projectId: number): Promise<ProjectWithDetails | null> {
  const project = await db
    .selectFrom("projects")
    .select(projectColumns)
    .where("projects.id", "=", projectId)
    .where("projects.graduate_id", "=", graduateId)
    .executeTakeFirst();
  if (!project) return null;
  const [skills, images] = await Promise.all([skillsOf(db, [project.id]), imagesOf(db, [project.id])]);
  return { ...project, skills: skills.get(project.id) ?? [], images: images.get(project.id) ?? [] };
}

function columnsOf(input: ProjectInput) {
  return {
    title: input.title,
    summary: input.summary,
    description: input.description,
    role: input.role,
    repo_url: input.repoUrl,
    demo_url: input.demoUrl,
    started_on: input.startedOn,
    finished_on: input.finishedOn,
  };
}

async function setProjectSkills(db: DB, projectId: number, skillIds: number[]) {
  await db.deleteFrom("project_skills").where("project_id", "=", projectId).execute();
  const unique = [...new Set(skillIds)];
  if (unique.length)
    await db
      .insertInto("project_skills")
      .values(unique.map((skill_id) => ({ project_id: projectId, skill_id })))
      .execute();
}

/** Adds a project at the end of the graduate's list. */
export async function createProject(db: DB, graduateId: number, input: ProjectInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom("projects")
      .select((eb) => eb.fn.max("position").as("max"))
      .where("graduate_id", "=", graduateId)
      .executeTakeFirst();
    const position = last?.max == null ? 0 : Number(last.max) + 1;
    const { id } = await trx
      .insertInto("projects")
      .values({ graduate_id: graduateId, position, ...columnsOf(input) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setProjectSkills(trx, id, input.skillIds);
    await refreshGraduateSearch(trx, graduateId);
    return id;
  });
}

/** Updates one of the graduate's projects; false when it is not theirs. */
export async function updateProject(db: DB, graduateId: number, projectId: number, input: ProjectInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("projects")
      .set({ ...columnsOf(input), updated_at: new Date().toISOString() })
      .where("id", "=", projectId)
      .where("graduate_id", "=", graduateId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await setProjectSkills(trx, projectId, input.skillIds);
    await refreshGraduateSearch(trx, graduateId);
    return true;
  });
}

/**
 * Deletes one of the graduate's projects with its skills and image rows, and returns the
 * image file names for the caller to remove once the rows are gone (null: not theirs).
 */
export async function deleteProject(db: DB, graduateId: number, projectId: number): Promise<string[] | null> {
  return db.transaction().execute(async (trx) => {
    const project = await trx.selectFrom("projects").select("id").where("id", "=", projectId).where("graduate_id", "=", graduateId).executeTakeFirst();
    if (!project) return null;
    const files = (await trx.selectFrom("project_images").select("file_name").where("project_id", "=", projectId).execute()).map((r) => r.file_name);
    await trx.deleteFrom("project_images").where("project_id", "=", projectId).execute();
    await trx.deleteFrom("project_skills").where("project_id", "=", projectId).execute();
    await trx.deleteFrom("projects").where("id", "=", projectId).execute();
    await refreshGraduateSearch(trx, graduateId);
    return files;
  });
}

/** Swaps an item with its neighbour in a list ordered by position then id, renumbering 0..n-1. */
function reorder<T extends { id: number }>(items: T[], id: number, direction: "up" | "down"): T[] | null {
  const index = items.findIndex((i) => i.id === id);
  if (index < 0) return null;
  const other = direction === "up" ? index - 1 : index + 1;
  if (other < 0 || other >= items.length) return items;
  const next = [...items];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

/** Moves one of the graduate's projects one place up or down; false when it is not theirs. */
export async function moveProject(db: DB, graduateId: number, projectId: number, direction: "up" | "down"): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const items = await trx.selectFrom("projects").select(["id", "position"]).where("graduate_id", "=", graduateId).orderBy("position").orderBy("id").execute();
    const next = reorder(items, projectId, direction);
    if (!next) return false;
    for (const [position, item] of next.entries()) {
      if (item.position !== position)
        await trx.updateTable("projects").set({ position }).where("id", "=", item.id).where("graduate_id", "=", graduateId).execute();
    }
    return true;
  });
}

// ---- images ----

/** The project's id when it is the graduate's, with how many images it has. */
export async function projectImageCount(db: DB, graduateId: number, projectId: number): Promise<number | null> {
  const row = await db
    .selectFrom("projects")
    .leftJoin("project_images", "project_images.project_id", "projects.id")
    .select((eb) => eb.fn.count<number>("project_images.id").as("images"))
    .where("projects.id", "=", projectId)
    .where("projects.graduate_id", "=", graduateId)
    .groupBy("projects.id")
    .executeTakeFirst();
  return row ? Number(row.images) : null;
}

export type AddImageResult = { ok: true; id: number } | { ok: false; reason: "not-found" | "too-many" };

/**
 * Records a stored image file as the last image of one of the graduate's projects, in one
 * transaction that re-checks ownership and the limit (two uploads at once cannot make 7).
 * When this does not answer ok, the caller must delete the file it stored.
 */
export async function addProjectImage(
  db: DB,
  graduateId: number,
  projectId: number,
  image: { fileName: string; alt: string; width: number; height: number },
): Promise<AddImageResult> {
  return db.transaction().execute(async (trx): Promise<AddImageResult> => {
    const count = await projectImageCount(trx, graduateId, projectId);
    if (count === null) return { ok: false, reason: "not-found" };
    if (count >= MAX_IMAGES_PER_PROJECT) return { ok: false, reason: "too-many" };
    const last = await trx
      .selectFrom("project_images")
      .select((eb) => eb.fn.max("position").as("max"))
      .where("project_id", "=", projectId)
      .executeTakeFirst();
    const { id } = await trx
      .insertInto("project_images")
      .values({
        project_id: projectId,
        file_name: image.fileName,
        alt: image.alt,
        width: image.width,
        height: image.height,
        position: last?.max == null ? 0 : Number(last.max) + 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("projects").set({ updated_at: new Date().toISOString() }).where("id", "=", projectId).execute();
    return { id, ok: true };
  });
}

/** An image of one of the graduate's projects, or null. */
async function ownedImage(db: DB, graduateId: number, projectId: number, imageId: number) {
  return db
    .selectFrom("project_images")
    .innerJoin("projects", "projects.id", "project_images.project_id")
    .select(["project_images.id", "project_images.file_name"])
    .where("project_images.id", "=", imageId)
    .where("project_images.project_id", "=", projectId)
    .where("projects.graduate_id", "=", graduateId)
    .executeTakeFirst();
}

export async function updateImageAlt(db: DB, graduateId: number, projectId: number, imageId: number, alt: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownedImage(trx, graduateId, projectId, imageId))) return false;
    await trx.updateTable("project_images").set({ alt, updated_at: new Date().toISOString() }).where("id", "=", imageId).execute();
    return true;
  });
}

export async function moveImage(db: DB, graduateId: number, projectId: number, imageId: number, direction: "up" | "down"): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownedImage(trx, graduateId, projectId, imageId))) return false;
    const items = await trx
      .selectFrom("project_images")
      .select(["id", "position"])
      .where("project_id", "=", projectId)
      .orderBy("position")
      .orderBy("id")
      .execute();
    const next = reorder(items, imageId, direction);
    if (!next) return false;
    for (const [position, item] of next.entries()) {
      if (item.position !== position) await trx.updateTable("project_images").set({ position }).where("id", "=", item.id).execute();
    }
    return true;
  });
}

/** Deletes the image row and returns its file name for the caller to remove (null: not theirs). */
export async function deleteImage(db: DB, graduateId: number, projectId: number, imageId: number): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const image = await ownedImage(trx, graduateId, projectId, imageId);
    if (!image) return null;
    await trx.deleteFrom("project_images").where("id", "=", imageId).execute();
    return image.file_name;
  });
}
