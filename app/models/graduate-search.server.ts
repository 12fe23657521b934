// The directory's full-text index (graduates_fts, FTS5): one row per graduate, rowid =
// graduate id, rebuilt from the profile, its projects and its skills in all three languages.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { foldForSearch } from "~/domain/search/full-text";

/** Rebuilds one graduate's search row; call after any change to profile, skills or projects. */
export async function refreshGraduateSearch(db: DB, graduateId: number): Promise<void> {
  const g = await db
    .selectFrom("graduates")
    .select(["id", "first_name", "last_name", "headline", "about", "anonymised_at"])
    .where("id", "=", graduateId)
    .executeTakeFirst();
  await sql`delete from graduates_fts where rowid = ${graduateId}`.execute(db);
  if (!g || g.anonymised_at) return;
  const projects = await db.selectFrom("projects").select(["title", "summary", "description", "role"]).where("graduate_id", "=", graduateId).execute();
  // Every name and alias of every skill the graduate claims or used in a project.
  const skills = await db
    .selectFrom("skill_aliases")
    .select("alias")
    .where("skill_id", "in", (eb) =>
      eb
        .selectFrom("graduate_skills")
        .select("skill_id")
        .where("graduate_id", "=", graduateId)
        .union(
          eb
            .selectFrom("project_skills")
            .innerJoin("projects", "projects.id", "project_skills.project_id")
            .select("project_skills.skill_id")
            .where("projects.graduate_id", "=", graduateId),
        ),
    )
    .execute();
  const projectText = projects
    .flatMap((p) => [p.title, p.summary, p.description, p.role])
    .filter(Boolean)
    .join("\n");
  await sql`insert into graduates_fts (rowid, name, headline, about, projects, skills) values (${graduateId}, ${foldForSearch(`${g.first_name} ${g.last_name}`)}, ${foldForSearch(g.headline ?? "")}, ${foldForSearch(g.about ?? "")}, ${foldForSearch(projectText)}, ${foldForSearch(skills.map((s) => s.alias).join(" "))})`.execute(
    db,
  );
}
