// Profiles for the demo graduates: who joined, what they know (skills with evidence, modules,
// certificate, languages), where they are, and 1–4 portfolio projects each. Bulk inserts
// through prepared statements in one transaction, so the benchmark size stays fast; each
// profile and project first goes through its form's own schema (docs/decisions/006).
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Connection } from "../connection";
import { BasicsSchema } from "../../app/domain/profile/forms";
import { ProjectSchema } from "../../app/domain/profile/project-form";
import { slugify } from "../../app/domain/text/slugify";
import { kyrgyzFemaleFirst, kyrgyzMaleFirst } from "./data/people";
import { aboutClosers, aboutOpeners, aboutText, genericSkills, type Track, tracks } from "./data/tracks";
import type { Random } from "./random";

const LEVELS = ["basic", "intermediate", "advanced"] as const;

type GraduateSeedRow = {
  id: number;
  first_name: string;
  last_name: string;
  sex: "f" | "m" | null;
  graduation_date: string;
  region_id: number;
  city_ru: string;
  school_slug: string;
  user_id: number | null;
};

export type ProfileOptions = {
  joinRate: number;
  /** Demo accounts share one hash of a random password: nobody can sign in as them. */
  lockedPasswordHash: string;
  staffId: number;
  uploadDir?: string;
  /** How many public profiles get a photo and project cover images (drawn locally). */
  withImages: number;
  today: string;
  /** Tracks chosen for particular graduates (the demo accounts); others get a random one. */
  trackOf?: Map<number, string>;
};

function hex(random: Random, bytes: number): string {
  let s = "";
  for (let i = 0; i < bytes; i++) s += random.int(0, 255).toString(16).padStart(2, "0");
  return s;
}

function addDays(isoDate: string, days: number): string {
  return new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A simple drawn cover: a colour field with the project's title (no downloads). */
async function drawImage(
  dir: string,
  random: Random,
  lines: string[],
  size: { w: number; h: number },
): Promise<{ fileName: string; width: number; height: number }> {
  const hue = random.int(0, 359);
  const text = lines
    .map(
      (line, i) =>
        `<text x="50%" y="${45 + i * 14}%" font-family="DejaVu Sans, Arial, sans-serif" font-size="${i === 0 ? size.h / 9 : size.h / 14}" font-weight="${i === 0 ? 700 : 400}" fill="#fff" text-anchor="middle">${escapeXml(line.slice(0, 34))}</text>`,
    )
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.w}" height="${size.h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,42%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360},65%,28%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${text}</svg>`;
  const fileName = `${hex(random, 16)}.webp`;
  const info = await sharp(Buffer.from(svg)).webp({ quality: 70 }).toFile(path.join(dir, fileName));
  return { fileName, width: info.width, height: info.height };
}

export async function seedProfiles({ sqlite }: Connection, random: Random, options: ProfileOptions): Promise<void> {
  const graduates = sqlite
    .prepare(
      `select g.id, g.first_name, g.last_name, g.sex, g.user_id, c.graduation_date, s.region_id, s.city_ru, s.slug as school_slug
       from graduates g join cohorts c on c.id = g.cohort_id join schools s on s.id = c.school_id
       where g.anonymised_at is null order by g.user_id is null, g.id`,
    )
    .all() as GraduateSeedRow[];
  const skillId = new Map((sqlite.prepare("select id, slug from skills").all() as { id: number; slug: string }[]).map((s) => [s.slug, s.id]));
  const modules = sqlite.prepare("select id, number from modules order by number").all() as { id: number; number: number }[];
  const moduleSkills = new Map<number, number[]>();
  for (const ms of sqlite.prepare("select module_id, skill_id from module_skills").all() as { module_id: number; skill_id: number }[]) {
    moduleSkills.set(ms.module_id, [...(moduleSkills.get(ms.module_id) ?? []), ms.skill_id]);
  }
  const bishkek = (sqlite.prepare("select id from regions where code = 'bishkek'").get() as { id: number }).id;
  const id = (slug: string) => {
    const found = skillId.get(slug);
    if (!found) throw new Error(`seed track names unknown skill ${slug}`);
    return found;
  };

  const insertUser = sqlite.prepare("insert into users (email, password_hash, role, display_name, created_at, updated_at) values (?, ?, 'graduate', ?, ?, ?)");
  const bindUser = sqlite.prepare("update invitations set used_at = ? where graduate_id = ?");
  const updateProfile = sqlite.prepare(
    `update graduates set user_id = coalesce(user_id, ?), slug = ?, photo = ?, headline = ?, about = ?, region_id = ?, city = ?, willing_to_relocate = ?,
       remote_preference = ?, available_from = ?, english_level = ?, certificate_number = ?, certificate_date = ?, certificate_verified_by = ?,
       certificate_verified_at = ?, contact_email = ?, contact_phone = ?, contact_telegram = ?, visibility = ?, published_at = ?, updated_at = ? where id = ?`,
  );
  const insertLanguage = sqlite.prepare("insert into graduate_languages (graduate_id, language, level) values (?, ?, ?)");
  const insertSkill = sqlite.prepare(
    "insert into graduate_skills (graduate_id, skill_id, level, source, verified_level, verified_by) values (?, ?, ?, ?, ?, ?) on conflict (graduate_id, skill_id) do nothing",
  );
  const insertModule = sqlite.prepare(
    "insert into graduate_modules (graduate_id, module_id, completed_on, score, verified_by, verified_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertProject = sqlite.prepare(
    "insert into projects (graduate_id, title, summary, description, role, repo_url, demo_url, started_on, finished_on, position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertProjectSkill = sqlite.prepare("insert or ignore into project_skills (project_id, skill_id) values (?, ?)");
  const insertImage = sqlite.prepare("insert into project_images (project_id, file_name, alt, width, height, position) values (?, ?, ?, ?, ?, 0)");

  const kyrgyzNames = new Set([...kyrgyzMaleFirst, ...kyrgyzFemaleFirst]);
  const usedSlugs = new Set((sqlite.prepare("select slug from graduates where slug is not null").all() as { slug: string }[]).map((r) => r.slug));
  const freeSlug = (name: string) => {
    const base = slugify(name) || "graduate";
    let candidate = base;
    for (let n = 2; usedSlugs.has(candidate); n++) candidate = `${base}-${n}`;
    usedSlugs.add(candidate);
    return candidate;
  };

  type Planned = { graduate: GraduateSeedRow; track: Track; titles: string[]; projectIds: number[]; photo: boolean };
  const planned: Planned[] = [];
  let imagesLeft = options.withImages;

  // One big transaction touches many index pages: a large page cache keeps it off the disk until commit.
  const cacheBefore = sqlite.pragma("cache_size", { simple: true });
  sqlite.pragma("cache_size = -524288");
  // The generator only links rows it has just read or made; checking each link would double the time.
  sqlite.pragma("foreign_keys = OFF");
  // A seed that dies half-way is simply run again: no need to wait for the disk at every page.
  sqlite.pragma("synchronous = OFF");
  sqlite.transaction(() => {
    for (const g of graduates) {
      const hasAccount = g.user_id !== null;
      if (!hasAccount && !random.chance(options.joinRate)) continue;
      const chosen = options.trackOf?.get(g.id);
      const track = tracks.find((t) => t.key === chosen) ?? random.pick(tracks);
      const name = `${g.first_name} ${g.last_name}`;
      const slug = freeSlug(name);
      const graduated = g.graduation_date <= options.today;
      const joinedAt = `${addDays(g.graduation_date, -random.int(5, 40))}T10:00:00.000Z`;
      let userId = g.user_id;
      if (!userId) {
        userId = Number(insertUser.run(`${slug}@students.demo.kg`, options.lockedPasswordHash, name, joinedAt, joinedAt).lastInsertRowid);
        bindUser.run(joinedAt, g.id);
      }
      // Skills: the track's core, some extras, a few generic ones.
      const claims = new Map<number, { level: (typeof LEVELS)[number]; source: "self" | "staff" }>();
      const claim = (slug: string) => claims.set(id(slug), { level: random.pick(LEVELS), source: random.chance(0.2) ? "staff" : "self" });
      track.core.forEach(claim);
      for (const slug of track.extra) if (random.chance(0.45)) claim(slug);
      for (const slug of genericSkills) if (random.chance(0.3)) claim(slug);
      // Modules: older cohorts finished more of the programme; most completions are verified.
      const finished = graduated ? random.int(7, 12) : random.int(3, 9);
      const done = modules.slice(0, finished);
      const region = random.chance(0.3) ? bishkek : g.region_id;
      const city = region === bishkek ? "Бишкек" : g.city_ru.replace(/^(город|село) /, "");
      // The demo accounts (already joined) are public, so a visitor meets them first.
      const visibility = hasAccount ? "public" : random.pick(["public", "public", "employers", "employers", "private"] as const);
      const isKyrgyz = kyrgyzNames.has(g.first_name);
      const english = random.pick(["A2", "B1", "B1", "B2", "B2", "C1"] as const);
      const certified = random.chance(0.35);
      const photo = visibility === "public" && imagesLeft > 0;
      if (photo) imagesLeft--;
      const about = aboutText(random.pick(aboutOpeners), random.pick(aboutClosers), g.sex);
      const headline = random.pick(track.headlines);
      // Drawn in the order the generator always drew them, so the demo stays the same.
      const relocate = random.chance(0.55);
      const remote = random.pick(["onsite", "hybrid", "remote", "any"] as const);
      const availableFrom = graduated
        ? random.chance(0.5)
          ? null
          : addDays(options.today, random.int(-200, 30))
        : addDays(g.graduation_date, random.int(1, 30));
      const certificateNumber = certified ? `ISDEL-KG-${random.int(10000, 99999)}` : null;
      const certificateDate = certified ? addDays(g.graduation_date, -random.int(0, 60)) : null;
      const certificateVerifiedBy = certified && random.chance(0.8) ? options.staffId : null;
      const phone = `+996 ${random.pick(["550", "555", "700", "707", "770", "990"])} ${random.int(100, 999)} ${random.int(100, 999)}`;
      const telegram = random.chance(0.6) ? `@${slug.replace(/-/g, "_").slice(0, 28)}` : null;
      // What the graduate would type into the profile form, checked by that form's own schema.
      const basics = BasicsSchema.parse({
        intent: "basics",
        headline,
        about,
        regionId: String(region),
        city,
        relocate: relocate ? "on" : undefined,
        remote,
        availableFrom: availableFrom ?? "",
        contactEmail: `${slug}@mail.kg`,
        contactPhone: phone,
        contactTelegram: telegram ?? "",
        visibility,
      });
      updateProfile.run(
        userId,
        slug,
        null,
        basics.headline,
        basics.about,
        basics.regionId,
        basics.city,
        basics.relocate ? 1 : 0,
        basics.remote || null,
        basics.availableFrom || null,
        english,
        certificateNumber,
        certificateDate,
        certificateVerifiedBy,
        certified ? `${g.graduation_date}T12:00:00.000Z` : null,
        basics.contactEmail,
        basics.contactPhone,
        basics.contactTelegram,
        basics.visibility,
        visibility === "private" ? null : joinedAt,
        joinedAt,
        g.id,
      );
      insertLanguage.run(g.id, isKyrgyz ? "ky" : "ru", "native");
      insertLanguage.run(g.id, isKyrgyz ? "ru" : "ky", isKyrgyz ? random.pick(["B2", "C1", "C2"]) : random.pick(["A1", "A2", "B1"]));
      insertLanguage.run(g.id, "en", english);
      if (random.chance(0.15)) insertLanguage.run(g.id, random.pick(["tr", "de", "zh", "ko"]), random.pick(["A1", "A2"]));
      const verifiedModules: number[] = [];
      for (const m of done) {
        const verified = random.chance(0.85);
        if (verified) verifiedModules.push(m.id);
        insertModule.run(
          g.id,
          m.id,
          addDays(g.graduation_date, -30 * (12 - m.number) - random.int(0, 20)),
          random.int(62, 100),
          verified ? options.staffId : null,
          verified ? `${g.graduation_date}T09:00:00.000Z` : null,
        );
        // Graduates list some of what a verified module taught them (not all of it), as people do.
        if (verified)
          for (const s of moduleSkills.get(m.id) ?? []) if (!claims.has(s) && random.chance(0.35)) claims.set(s, { level: "basic", source: "self" });
      }
      // A verified module proves basic; staff prove the level they checked (docs/decisions/022).
      const moduleBacked = new Set(verifiedModules.flatMap((m) => moduleSkills.get(m) ?? []));
      for (const [skill, c] of claims) {
        const source = c.source === "staff" ? "staff" : moduleBacked.has(skill) ? "module" : "self";
        const verifiedLevel = source === "staff" ? c.level : source === "module" ? "basic" : null;
        insertSkill.run(g.id, skill, c.level, source, verifiedLevel, source === "self" ? null : options.staffId);
      }
      // Projects: 1–4 from the track's ideas.
      const count = random.int(1, Math.min(4, track.projects.length));
      const ideas = [...track.projects].sort(() => random.next() - 0.5).slice(0, count);
      const projectIds: number[] = [];
      const titles: string[] = [];
      ideas.forEach((idea, position) => {
        // Never in a month still to come: the form refuses that.
        const finishedOn = [addDays(g.graduation_date, -random.int(0, 300)).slice(0, 7), options.today.slice(0, 7)].sort()[0]!;
        const startedOn = addDays(`${finishedOn}-01`, -random.int(20, 120)).slice(0, 7);
        const description = `${idea.summary} Проект выполнен ${random.pick(["в команде из трёх человек", "самостоятельно", "на практике в компании", "как дипломная работа"])}.`;
        const role = random.pick(["Разработчик", "Тимлид", "Иштеп чыгуучу", "Developer", "Дизайнер", "Тестировщик"]);
        const repoUrl = random.chance(0.7) ? `https://github.com/${slug.replace(/-/g, "")}/${slugify(idea.title).slice(0, 30).replace(/-+$/, "")}` : "";
        // A host name may not end with a hyphen: the form refuses such a link.
        const demoUrl = random.chance(0.3) ? `https://${slugify(idea.title).slice(0, 20).replace(/-+$/, "")}.demo.kg` : "";
        // What the graduate would type into the project form, checked by that form's own schema.
        const project = ProjectSchema.parse({
          title: idea.title,
          summary: idea.summary,
          description,
          role,
          skills: "",
          repoUrl,
          demoUrl,
          startedOn,
          finishedOn,
        });
        const pid = Number(
          insertProject.run(
            g.id,
            project.title,
            project.summary,
            project.description,
            project.role,
            project.repoUrl,
            project.demoUrl,
            project.startedOn,
            project.finishedOn,
            position,
          ).lastInsertRowid,
        );
        for (const s of idea.skills) insertProjectSkill.run(pid, id(s));
        projectIds.push(pid);
        titles.push(idea.title);
      });
      if (photo) planned.push({ graduate: g, track, titles, projectIds, photo });
    }
  })();
  sqlite.pragma(`cache_size = ${Number(cacheBefore)}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = FULL");
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length) throw new Error(`demo generator left ${broken.length} broken links`);

  // Drawn images for the first public profiles: a portrait-style avatar and one cover per project.
  if (!options.uploadDir || planned.length === 0) return;
  fs.mkdirSync(options.uploadDir, { recursive: true });
  const setPhoto = sqlite.prepare("update graduates set photo = ? where id = ?");
  for (const p of planned) {
    const initials = `${p.graduate.first_name[0] ?? ""}${p.graduate.last_name[0] ?? ""}`;
    const avatar = await drawImage(options.uploadDir, random, [initials], { w: 192, h: 192 });
    setPhoto.run(avatar.fileName, p.graduate.id);
    for (const [i, pid] of p.projectIds.entries()) {
      const cover = await drawImage(options.uploadDir, random, [p.titles[i]!, p.track.headlines[0]!], { w: 640, h: 360 });
      insertImage.run(pid, cover.fileName, `Обложка проекта «${p.titles[i]}»`, cover.width, cover.height);
    }
  }
}
