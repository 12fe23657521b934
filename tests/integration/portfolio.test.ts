// Portfolio projects and image uploads, through the real loaders and actions on a real
// SQLite file, with real images made by sharp and a real upload folder.
import fs from "node:fs";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { MAX_UPLOAD_BYTES, sniffImage, storeUploadedImage } from "~/domain/images/store.server";
import * as projectsIndex from "~/routes/me.projects._index";
import * as projectRoute from "~/routes/me.projects.$id";
import * as uploads from "~/routes/uploads.$file";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeGraduate, sessionCookieFor, signedIn } from "../support/factories";
import { call, get, post, type Outcome } from "../support/remix";
import { useUploadDir } from "../support/upload-dir";
import { messageVariables } from "~/i18n/translate";

// Every upload of this file goes to its own folder (set before anything reads the config).
const UPLOAD_DIR = useUploadDir("uploads");

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

// ---- helpers ----

async function signedInGraduate(name = { first: "Айпери", last: "Жумабекова" }) {
  const { graduateId, userId } = await makeGraduate(c, { firstName: name.first, lastName: name.last, account: true });
  return { userId: userId!, graduateId, cookie: await sessionCookieFor(userId!) };
}

type Graduate = Awaited<ReturnType<typeof signedInGraduate>>;

const baseProject = {
  intent: "save",
  title: "Онлайн-дүкөн",
  summary: "A small shop for a Naryn felt workshop",
  description: "Catalogue, basket and orders.\n\nBuilt in module 9.",
  role: "Front-end developer",
  skills: "JavaScript\nгит",
  repoUrl: "https://github.com/aiperi/shop",
  demoUrl: "",
  startedOn: "2025-02",
  finishedOn: "2025-05",
};

async function createProject(g: Graduate, fields: Partial<typeof baseProject> = {}): Promise<number> {
  const res = await call(projectRoute.action, post("/me/projects/new", { ...baseProject, ...fields }, { cookie: g.cookie }), { id: "new" });
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return Number(res.location!.split("/").pop());
}

function multipart(path: string, fields: Record<string, string | File>, cookie?: string, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  // No Origin header: the CSRF check lives in the Express layer (tested over HTTP elsewhere).
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });
}

async function pngFile(width: number, height: number, name = "screenshot.png"): Promise<File> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 11, g: 92, b: 173 } } })
    .composite([{ input: { create: { width: Math.ceil(width / 3), height: Math.ceil(height / 3), channels: 3, background: { r: 200, g: 16, b: 46 } } } }])
    .withExif({ IFD0: { Copyright: "secret-exif-text", Artist: "Aiperi" } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(bytes)], name, { type: "image/png" });
}

async function upload(g: Graduate, projectId: number, file: File, alt = "The home page on a phone") {
  return call(projectRoute.action, multipart(`/me/projects/${projectId}`, { intent: "upload", file, alt }, g.cookie), { id: String(projectId) });
}

function storedFiles(): string[] {
  return fs.existsSync(UPLOAD_DIR) ? fs.readdirSync(UPLOAD_DIR).sort() : [];
}

async function imagesOf(projectId: number) {
  return c.db.selectFrom("project_images").selectAll().where("project_id", "=", projectId).orderBy("position").execute();
}

async function skillSlugs(projectId: number) {
  const rows = await c.db
    .selectFrom("project_skills")
    .innerJoin("skills", "skills.id", "project_skills.skill_id")
    .select("skills.slug")
    .where("project_id", "=", projectId)
    .orderBy("skills.slug")
    .execute();
  return rows.map((r) => r.slug);
}

function errorsOf(res: Outcome) {
  return res.data as { errors: Record<string, unknown>; values: Record<string, string> };
}

/** Sets a PNG's declared size (IHDR) without changing its pixels, fixing the chunk's checksum. */
function withDeclaredSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(zlib.crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}

// ---- projects ----

describe("graduates create, edit, reorder and delete their projects", () => {
  it("creates a project with skills typed in Russian and Kyrgyz, and indexes it for search", async () => {
    const g = await signedInGraduate();
    const res = await call(
      projectRoute.action,
      post("/me/projects/new", { ...baseProject, skills: "джаваскрипт\nгит\nКомандада иштөө\nHTML/CSS верстка\nJS" }, { cookie: g.cookie }),
      { id: "new" },
    );
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/me\/projects\/\d+$/);
    expect(res.headers.getSetCookie().join()).toContain("flash=flash.created");
    const id = Number(res.location!.split("/").pop());
    const row = await c.db.selectFrom("projects").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      graduate_id: g.graduateId,
      title: "Онлайн-дүкөн",
      role: "Front-end developer",
      repo_url: "https://github.com/aiperi/shop",
      demo_url: null,
      started_on: "2025-02",
      finished_on: "2025-05",
      position: 0,
    });
    // "джаваскрипт" and "JS" are both JavaScript: one skill, not two.
    expect(await skillSlugs(id)).toEqual(["git", "html-css-layout", "javascript", "teamwork"]);
    const fts = c.sqlite.prepare("select rowid from graduates_fts where graduates_fts match ?").all('"дүкөн"') as { rowid: number }[];
    expect(fts.map((r) => r.rowid)).toEqual([g.graduateId]);

    const loaded = await call(projectRoute.loader, get(`/me/projects/${id}`, { cookie: g.cookie }), { id: String(id) });
    expect(loaded.status).toBe(200);
    const project = (loaded.data as { project: { title: string; skills: { slug: string }[] } }).project;
    expect(project.title).toBe("Онлайн-дүкөн");
    expect(project.skills.map((s) => s.slug).sort()).toEqual(["git", "html-css-layout", "javascript", "teamwork"]);
  });

  it("edits a project, replacing its skills; a bare domain becomes an https link", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const res = await call(
      projectRoute.action,
      post(
        `/me/projects/${id}`,
        { ...baseProject, title: "Felt shop", skills: "Работа в команде", repoUrl: "github.com/aiperi/felt", finishedOn: "" },
        { cookie: g.cookie },
      ),
      { id: String(id) },
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/me/projects/${id}`);
    const row = await c.db.selectFrom("projects").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: "Felt shop", repo_url: "https://github.com/aiperi/felt", finished_on: null });
    expect(await skillSlugs(id)).toEqual(["teamwork"]);
  });

  it("lists projects in order and moves them up and down with small forms", async () => {
    const g = await signedInGraduate();
    const a = await createProject(g, { title: "A" });
    const b = await createProject(g, { title: "B" });
    const d = await createProject(g, { title: "C" });
    const titles = async () =>
      ((await call(projectsIndex.loader, get("/me/projects", { cookie: g.cookie }))).data as { projects: { title: string }[] }).projects.map((p) => p.title);
    expect(await titles()).toEqual(["A", "B", "C"]);

    const move = (projectId: number, direction: string) =>
      call(projectsIndex.action, post("/me/projects", { intent: "move", projectId: String(projectId), direction }, { cookie: g.cookie }));
    const res = await move(d, "up");
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/me/projects#project-${d}`);
    expect(await titles()).toEqual(["A", "C", "B"]);
    await move(a, "down");
    expect(await titles()).toEqual(["C", "A", "B"]);
    await move(d, "up"); // already first: nothing changes
    await move(b, "down"); // already last
    expect(await titles()).toEqual(["C", "A", "B"]);
    expect((await move(d, "sideways")).status).toBe(400);
    expect((await move(999_999, "up")).status).toBe(404);
  });

  it("deletes a project with its skills, images and image files", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    expect((await upload(g, id, await pngFile(300, 200))).status).toBe(302);
    expect(storedFiles()).toHaveLength(1);
    const res = await call(projectRoute.action, post(`/me/projects/${id}`, { intent: "delete" }, { cookie: g.cookie }), { id: String(id) });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/me/projects");
    expect(await c.db.selectFrom("projects").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    expect(await c.db.selectFrom("project_skills").select("skill_id").where("project_id", "=", id).execute()).toEqual([]);
    expect(await imagesOf(id)).toEqual([]);
    expect(storedFiles()).toEqual([]);
    expect((await call(projectRoute.loader, get(`/me/projects/${id}`, { cookie: g.cookie }), { id: String(id) })).status).toBe(404);
  });
});

describe("bad project input keeps what was typed and writes nothing", () => {
  const cases: [string, Partial<typeof baseProject>, Record<string, unknown>][] = [
    ["no title", { title: "  " }, { title: "errors.required" }],
    ["a title over 120 characters", { title: "x".repeat(121) }, { title: "errors.tooLong" }],
    ["a summary over 300 characters", { summary: "x".repeat(301) }, { summary: "errors.tooLong" }],
    ["a description over 5000 characters", { description: "x".repeat(5001) }, { description: "errors.tooLong" }],
    ["a javascript: link", { repoUrl: "javascript:alert(1)" }, { repoUrl: "portfolio.errors.url" }],
    ["an ftp link", { demoUrl: "ftp://files.kg/shop" }, { demoUrl: "portfolio.errors.url" }],
    ["a month that does not exist", { startedOn: "2025-13" }, { startedOn: "portfolio.errors.month" }],
    ["a date in another format", { startedOn: "03.2025" }, { startedOn: "portfolio.errors.month" }],
    ["a start in the future", { startedOn: "2099-01", finishedOn: "" }, { startedOn: "portfolio.errors.future" }],
    ["a finish before the start", { startedOn: "2025-05", finishedOn: "2025-02" }, { finishedOn: "portfolio.errors.finishedBeforeStarted" }],
    ["an unknown skill", { skills: "JavaScript\nКвантовое вязание" }, { skills: ["admin.modules.unknownSkills", { list: "Квантовое вязание" }] }],
  ];
  for (const [label, fields, errors] of cases) {
    it(`refuses ${label}`, async () => {
      const g = await signedInGraduate();
      const before = snapshot(c);
      const typed = { ...baseProject, ...fields };
      const res = await call(projectRoute.action, post("/me/projects/new", typed, { cookie: g.cookie }), { id: "new" });
      expect(res.status).toBe(400);
      expect(errorsOf(res).errors).toEqual(errors);
      expect(errorsOf(res).values).toMatchObject({
        title: typed.title.slice(0, 10_000),
        skills: typed.skills,
        repoUrl: typed.repoUrl,
        startedOn: typed.startedOn,
      });
      expect(snapshot(c)).toEqual(before);
    });
  }

  it("refuses an edit the same way, leaving the project as it was", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const before = snapshot(c);
    const res = await call(projectRoute.action, post(`/me/projects/${id}`, { ...baseProject, title: "", skills: "нет такого" }, { cookie: g.cookie }), {
      id: String(id),
    });
    expect(res.status).toBe(400);
    expect(errorsOf(res).errors.title).toBe("errors.required");
    expect(errorsOf(res).values.skills).toBe("нет такого");
    expect(snapshot(c)).toEqual(before);
  });

  it("answers 400 to an unknown intent and to a form that cannot be read", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const before = snapshot(c);
    expect((await call(projectRoute.action, post(`/me/projects/${id}`, { intent: "explode" }, { cookie: g.cookie }), { id: String(id) })).status).toBe(400);
    const garbled = new Request(`http://localhost/me/projects/${id}`, {
      method: "POST",
      body: "--x\r\nnot a part",
      headers: { "Content-Type": "multipart/form-data; boundary=x", Cookie: g.cookie },
    });
    const res = await call(projectRoute.action, garbled, { id: String(id) });
    expect(res.status).toBe(400);
    expect(errorsOf(res).errors).toEqual({ _form: "upload.badForm" });
    expect(snapshot(c)).toEqual(before);
  });
});

describe("who may use the portfolio pages", () => {
  it("sends signed-out visitors to sign in", async () => {
    for (const [handler, path, params] of [
      [projectsIndex.loader, "/me/projects", {}],
      [projectRoute.loader, "/me/projects/new", { id: "new" }],
    ] as const) {
      const res = await call(handler, get(path), params);
      expect(res.status).toBe(302);
      expect(res.location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const res = await call(projectRoute.action, post("/me/projects/new", baseProject), { id: "new" });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("answers 403 to employers, staff and admins, and writes nothing", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const before = snapshot(c);
    for (const role of ["employer", "staff", "admin"] as const) {
      const u = await signedIn(c, role);
      const after = snapshot(c);
      expect((await call(projectsIndex.loader, get("/me/projects", { cookie: u.cookie }))).status).toBe(403);
      expect((await call(projectRoute.loader, get(`/me/projects/${id}`, { cookie: u.cookie }), { id: String(id) })).status).toBe(403);
      expect((await call(projectRoute.action, post("/me/projects/new", baseProject, { cookie: u.cookie }), { id: "new" })).status).toBe(403);
      expect((await call(projectRoute.action, post(`/me/projects/${id}`, { intent: "delete" }, { cookie: u.cookie }), { id: String(id) })).status).toBe(403);
      expect(
        (await call(projectsIndex.action, post("/me/projects", { intent: "move", projectId: String(id), direction: "up" }, { cookie: u.cookie }))).status,
      ).toBe(403);
      expect(
        (
          await call(projectRoute.action, multipart(`/me/projects/${id}`, { intent: "upload", file: await pngFile(20, 20), alt: "x" }, u.cookie), {
            id: String(id),
          })
        ).status,
      ).toBe(403);
      // Only the session and user rows of the new account were added.
      expect(snapshot(c)).toEqual(after);
    }
    expect(snapshot(c).projects).toEqual(before.projects);
    expect(storedFiles()).toEqual([]);
  });

  it("answers 404 when a graduate reaches for another graduate's project or image", async () => {
    const a = await signedInGraduate();
    const b = await signedInGraduate({ first: "Бакыт", last: "Асанов" });
    const aProject = await createProject(a);
    expect((await upload(a, aProject, await pngFile(64, 48))).status).toBe(302);
    const [aImage] = await imagesOf(aProject);
    const bProject = await createProject(b, { title: "B's project" });
    const before = snapshot(c);
    const filesBefore = storedFiles();
    const params = { id: String(aProject) };
    expect((await call(projectRoute.loader, get(`/me/projects/${aProject}`, { cookie: b.cookie }), params)).status).toBe(404);
    const attempts: Record<string, string>[] = [
      { ...baseProject, title: "Taken over" },
      { intent: "delete" },
      { intent: "image-alt", imageId: String(aImage!.id), imageAlt: "mine now" },
      { intent: "image-move", imageId: String(aImage!.id), direction: "down" },
      { intent: "image-delete", imageId: String(aImage!.id) },
    ];
    for (const fields of attempts) {
      const res = await call(projectRoute.action, post(`/me/projects/${aProject}`, fields, { cookie: b.cookie }), params);
      expect(res.status, JSON.stringify(fields)).toBe(404);
    }
    expect(
      (await call(projectRoute.action, multipart(`/me/projects/${aProject}`, { intent: "upload", file: await pngFile(20, 20), alt: "x" }, b.cookie), params))
        .status,
    ).toBe(404);
    // A's image through B's own project id is not B's either.
    const crossed: Record<string, string>[] = [
      { intent: "image-alt", imageId: String(aImage!.id), imageAlt: "mine now" },
      { intent: "image-delete", imageId: String(aImage!.id) },
    ];
    for (const fields of crossed) {
      expect((await call(projectRoute.action, post(`/me/projects/${bProject}`, fields, { cookie: b.cookie }), { id: String(bProject) })).status).toBe(404);
    }
    expect(
      (await call(projectsIndex.action, post("/me/projects", { intent: "move", projectId: String(aProject), direction: "down" }, { cookie: b.cookie }))).status,
    ).toBe(404);
    expect(snapshot(c)).toEqual(before);
    expect(storedFiles()).toEqual(filesBefore);
  });

  it("answers 404 to ids that name nothing", async () => {
    const g = await signedInGraduate();
    for (const id of ["abc", "0", "-1", "1.5", "99999"]) {
      expect((await call(projectRoute.loader, get(`/me/projects/${id}`, { cookie: g.cookie }), { id })).status, id).toBe(404);
    }
    // Only saving makes sense for a project that does not exist yet.
    expect((await call(projectRoute.action, post("/me/projects/new", { intent: "delete" }, { cookie: g.cookie }), { id: "new" })).status).toBe(404);
  });
});

// ---- uploads ----

describe("image uploads", () => {
  it("stores a real PNG re-encoded, resized and stripped of metadata, and serves it with nosniff", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const original = await pngFile(2000, 1500, "Screenshot 2025-05-01.png");
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).exif).toBeDefined();
    const res = await upload(g, id, original, "The shop's home page");
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    expect(res.location).toBe(`/me/projects/${id}#images`);
    expect(res.headers.getSetCookie().join()).toContain("flash=flash.imageAdded");

    const [image] = await imagesOf(id);
    expect(image).toMatchObject({ alt: "The shop's home page", width: 1600, height: 1200, position: 0 });
    expect(image!.file_name).toMatch(/^[a-f0-9]{32}\.webp$/);
    expect(storedFiles()).toEqual([image!.file_name]);
    const bytes = fs.readFileSync(`${UPLOAD_DIR}/${image!.file_name}`);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1600, height: 1200 });
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from("secret-exif-text"))).toBe(false);

    // The profile is private (the default): its owner gets the image, a visitor does not (decision 023).
    const served = await call(uploads.loader, get(`/uploads/${image!.file_name}`, { cookie: g.cookie }), { file: image!.file_name });
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none'/);
    expect(served.headers.get("Cache-Control")).toBe("private, no-cache");
    expect((await call(uploads.loader, get(`/uploads/${image!.file_name}`), { file: image!.file_name })).status).toBe(404);
    const raw = await uploads.loader({
      request: get(`/uploads/${image!.file_name}`, { cookie: g.cookie }),
      params: { file: image!.file_name },
      context: { clientAddress: "127.0.0.1", cspNonce: "" },
    });
    expect(Buffer.from(await (raw as Response).arrayBuffer()).equals(bytes)).toBe(true);

    // The project page shows it with its alt text and size.
    const loaded = await call(projectRoute.loader, get(`/me/projects/${id}`, { cookie: g.cookie }), { id: String(id) });
    expect((loaded.data as { project: { images: unknown[] } }).project.images).toEqual([
      { id: image!.id, file_name: image!.file_name, alt: "The shop's home page", width: 1600, height: 1200, position: 0 },
    ]);
  });

  it("accepts JPEG and WebP by content, and keeps small images at their size", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#336699" } })
      .jpeg()
      .toBuffer();
    const webp = await sharp({ create: { width: 300, height: 900, channels: 4, background: "#33669980" } })
      .webp()
      .toBuffer();
    // The names and claimed types are wrong on purpose: only the content counts.
    expect((await upload(g, id, new File([new Uint8Array(jpeg)], "photo.webp", { type: "application/octet-stream" }))).status).toBe(302);
    expect((await upload(g, id, new File([new Uint8Array(webp)], "tall.jpg", { type: "image/jpeg" }))).status).toBe(302);
    expect((await imagesOf(id)).map((i) => [i.width, i.height, i.position])).toEqual([
      [640, 480, 0],
      [300, 900, 1],
    ]);
  });

  it("refuses a text file renamed .png with upload.notImage, leaving no row and no file", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const before = snapshot(c);
    const fake = new File(["This is my homework, not a picture.\n"], "homework.png", { type: "image/png" });
    const res = await upload(g, id, fake, "My homework");
    expect(res.status).toBe(415);
    expect(errorsOf(res).errors).toEqual({ file: "upload.notImage" });
    expect(errorsOf(res).values).toMatchObject({ intent: "upload", alt: "My homework" });
    expect(snapshot(c)).toEqual(before);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses other formats and damaged images with a reason", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const before = snapshot(c);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer();
    const cases: [File, string, number][] = [
      [new File([new Uint8Array(gif)], "anim.png", { type: "image/png" }), "upload.notImage", 415],
      [new File([svg], "logo.png", { type: "image/png" }), "upload.notImage", 415],
      // A PNG signature in front of a JPEG body: it passes the first check, not the decoder.
      [new File([new Uint8Array(Buffer.concat([png.subarray(0, 8), jpeg]))], "mixed.png"), "upload.unreadable", 400],
      [new File([new Uint8Array(png.subarray(0, 40))], "cut.png", { type: "image/png" }), "upload.unreadable", 400],
      // A tiny file that claims a 100 000 × 100 000 canvas (a decompression bomb).
      [new File([new Uint8Array(withDeclaredSize(png, 100_000, 100_000))], "bomb.png", { type: "image/png" }), "upload.unreadable", 400],
      [new File([], "empty.png", { type: "image/png" }), "upload.empty", 400],
    ];
    for (const [file, reason, status] of cases) {
      const res = await upload(g, id, file);
      expect(res.status, file.name).toBe(status);
      expect(errorsOf(res).errors, file.name).toEqual({ file: reason });
    }
    expect(snapshot(c)).toEqual(before);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses a file over 5 MB with upload.tooLarge, whether or not the size was declared", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const before = snapshot(c);
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    // Just over the limit: a real PNG with padding after it.
    const justOver = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    justOver.set(png);
    const res1 = await upload(g, id, new File([justOver], "big.png", { type: "image/png" }), "Big");
    expect(res1.status).toBe(413);
    expect(errorsOf(res1).errors).toEqual({ file: "upload.tooLarge" });
    expect(errorsOf(res1).values).toMatchObject({ alt: "Big" });

    // Far over: the body is cut off while it streams in, before it is all held in memory.
    const huge = new Uint8Array(12 * 1024 * 1024);
    huge.set(png);
    const res2 = await upload(g, id, new File([huge], "huge.png", { type: "image/png" }));
    expect(res2.status).toBe(413);
    expect(errorsOf(res2).errors).toEqual({ file: "upload.tooLarge" });

    // Declared too large: refused without reading the body at all.
    const declared = multipart(`/me/projects/${id}`, { intent: "upload", alt: "x", file: new File([new Uint8Array(png)], "a.png") }, g.cookie, {
      "Content-Length": String(50 * 1024 * 1024),
    });
    const res3 = await call(projectRoute.action, declared, { id: String(id) });
    expect(res3.status).toBe(413);
    expect(declared.bodyUsed).toBe(false);

    expect(snapshot(c)).toEqual(before);
    expect(storedFiles()).toEqual([]);
  });

  it("requires alt text, keeping it and storing nothing when it is missing", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    const before = snapshot(c);
    const res = await upload(g, id, await pngFile(100, 100), "   ");
    expect(res.status).toBe(400);
    expect(errorsOf(res).errors).toEqual({ alt: "errors.required" });
    const noFile = await call(projectRoute.action, multipart(`/me/projects/${id}`, { intent: "upload", alt: "A picture" }, g.cookie), { id: String(id) });
    expect(noFile.status).toBe(400);
    expect(errorsOf(noFile).errors).toEqual({ file: "upload.empty" });
    expect(errorsOf(noFile).values.alt).toBe("A picture");
    expect(snapshot(c)).toEqual(before);
    expect(storedFiles()).toEqual([]);
  });

  it("takes six images per project and refuses the seventh", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    for (let i = 0; i < 6; i++) expect((await upload(g, id, await pngFile(40 + i, 30), `Image ${i + 1}`)).status).toBe(302);
    expect(storedFiles()).toHaveLength(6);
    const before = snapshot(c);
    const res = await upload(g, id, await pngFile(50, 50), "Seventh");
    expect(res.status).toBe(409);
    expect(errorsOf(res).errors).toEqual({ file: ["portfolio.imagesFull", { max: 6 }] });
    expect(snapshot(c)).toEqual(before);
    expect(storedFiles()).toHaveLength(6);
  });

  it("removes the stored file when the database refuses the row", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    c.sqlite.exec("create trigger refuse_images before insert on project_images begin select raise(abort, 'disk trouble'); end");
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(upload(g, id, await pngFile(200, 100))).rejects.toThrow(/disk trouble/);
    error.mockRestore();
    expect(await imagesOf(id)).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });

  it("edits alt text, reorders and deletes images (the file goes too)", async () => {
    const g = await signedInGraduate();
    const id = await createProject(g);
    for (const alt of ["First", "Second", "Third"]) await upload(g, id, await pngFile(60, 40), alt);
    const [first, second, third] = await imagesOf(id);
    const act = (fields: Record<string, string>) => call(projectRoute.action, post(`/me/projects/${id}`, fields, { cookie: g.cookie }), { id: String(id) });

    expect((await act({ intent: "image-alt", imageId: String(second!.id), imageAlt: "Second, on a phone" })).status).toBe(302);
    const badAlt = await act({ intent: "image-alt", imageId: String(second!.id), imageAlt: "" });
    expect(badAlt.status).toBe(400);
    expect(errorsOf(badAlt)).toMatchObject({ errors: { imageAlt: "errors.required" }, values: { intent: "image-alt", imageId: String(second!.id) } });

    expect((await act({ intent: "image-move", imageId: String(third!.id), direction: "up" })).status).toBe(302);
    expect((await imagesOf(id)).map((i) => i.alt)).toEqual(["First", "Third", "Second, on a phone"]);
    expect((await act({ intent: "image-move", imageId: String(first!.id), direction: "down" })).status).toBe(302);
    expect((await imagesOf(id)).map((i) => i.alt)).toEqual(["Third", "First", "Second, on a phone"]);

    const del = await act({ intent: "image-delete", imageId: String(first!.id) });
    expect(del.status).toBe(302);
    expect(del.headers.getSetCookie().join()).toContain("flash=flash.imageDeleted");
    expect((await imagesOf(id)).map((i) => i.alt)).toEqual(["Third", "Second, on a phone"]);
    expect(storedFiles()).toEqual([second!.file_name, third!.file_name].sort());
    expect((await act({ intent: "image-delete", imageId: String(first!.id) })).status).toBe(404);
  });
});

describe("the uploads route", () => {
  it("serves only names the store makes: no path traversal, no other files", async () => {
    fs.mkdirSync(UPLOAD_DIR, { recursive: true });
    fs.writeFileSync(`${UPLOAD_DIR}/notes.txt`, "private");
    for (const name of [
      "../etc/passwd",
      "..%2F..%2Fetc%2Fpasswd",
      "..\\..\\etc\\passwd",
      "notes.txt",
      "/etc/passwd",
      `${"a".repeat(32)}.png`,
      `${"A".repeat(32)}.webp`,
      `${"a".repeat(31)}.webp`,
      `${"a".repeat(32)}.webp/..`,
      `${"a".repeat(32)}.webp`,
      "",
    ]) {
      const res = await call(uploads.loader, get(`/uploads/${encodeURIComponent(name)}`), { file: name });
      expect(res.status, name).toBe(404);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
  });
});

describe("content sniffing", () => {
  it("knows the three signatures and nothing else", async () => {
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImage(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffImage(new TextEncoder().encode("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(sniffImage(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffImage(new Uint8Array([0x89, 0x50]))).toBeNull();
  });

  it("storeUploadedImage fits images into the box it is given (profile photos use a smaller one)", async () => {
    const result = await storeUploadedImage(await pngFile(1200, 800), { maxWidth: 400, maxHeight: 400 });
    expect(result).toMatchObject({ ok: true, width: 400, height: 267 });
  });
});

describe("portfolio and upload messages", () => {
  it("exist in Kyrgyz, Russian and English with the same placeholders, and are translated", async () => {
    const { portfolioMessages } = await import("~/i18n/areas/portfolio");
    const placeholders = messageVariables; // `{n}`, `{date:dat}` and `{n, plural, …}` alike (docs/decisions/029)
    const keys = Object.keys(portfolioMessages.en) as (keyof typeof portfolioMessages.en)[];
    for (const lang of ["ky", "ru"] as const) {
      expect(Object.keys(portfolioMessages[lang]).sort(), lang).toEqual([...keys].sort());
      for (const key of keys) {
        const text = portfolioMessages[lang][key];
        expect(text.trim(), `${lang}:${key}`).not.toBe("");
        expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(portfolioMessages.en[key]));
        if (/\p{L}{2,}.*\s.*\p{L}{2,}/u.test(portfolioMessages.en[key].replace(/\{\w+\}/g, "")))
          expect(text, `${lang}:${key}`).not.toBe(portfolioMessages.en[key]);
      }
    }
  });
});
