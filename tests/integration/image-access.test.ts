// Images of a profile are served only to those who may see the profile (docs/product.md §8 "since the
// first release", issue 13 item 17), over HTTP against the real production build on the demo
// data: a graduate uploads a photo and a project picture, then turns the profile public,
// employers-only and private; each viewer gets what the profile page would give them. Company
// logos stay public. See docs/decisions/023-uploads-access-backup-and-sweep.md.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer;
let db: Database.Database;
beforeAll(async () => {
  server = await startServer();
  db = new Database(path.join(server.dataDir, "portal.sqlite"));
  db.pragma("busy_timeout = 5000");
}, 180_000);
afterAll(async () => {
  db?.close();
  await server?.stop();
});

const signIn = (email: string) => signInOverHttp(server.url, email);

async function png(): Promise<File> {
  const bytes = await sharp({ create: { width: 120, height: 90, channels: 3, background: "#0b5cad" } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(bytes)], "me.png", { type: "image/png" });
}

async function postMultipart(pathname: string, cookie: string, fields: Record<string, string | File>): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${server.url}${pathname}`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: cookie }, body: form });
  await res.arrayBuffer();
  return res;
}

async function image(file: string, cookie?: string, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(`${server.url}/uploads/${file}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });
  await res.arrayBuffer();
  return res;
}

describe("profile and project images follow the profile's visibility", () => {
  it("answers 404 to those who may not see the profile, 200 to those who may, and never lets a shared cache keep them", async () => {
    const cookies = {
      owner: await signIn("graduate@demo.kg"),
      graduate2: await signIn("graduate2@demo.kg"),
      employer: await signIn("employer@demo.kg"),
      pending: await signIn("pending@demo.kg"),
      staff: await signIn("staff@demo.kg"),
    };
    const viewers = { visitor: undefined, ...cookies } as Record<string, string | undefined>;
    const owner = db.prepare("select g.id, g.photo from graduates g join users u on u.id = g.user_id where u.email = 'graduate@demo.kg'").get() as {
      id: number;
      photo: string | null;
    };

    // The owner uploads a photo and a picture for one of their projects, through the real forms.
    expect((await postMultipart("/me/profile", cookies.owner, { intent: "photo", photo: await png() })).status).toBe(302);
    let projectId = (db.prepare("select id from projects where graduate_id = ? order by id limit 1").get(owner.id) as { id: number } | undefined)?.id;
    if (!projectId) {
      const res = await fetch(`${server.url}/me/projects/new`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookies.owner },
        body: new URLSearchParams({
          intent: "save",
          title: "Дүкөн",
          summary: "A shop",
          description: "",
          role: "",
          skills: "JavaScript",
          repoUrl: "",
          demoUrl: "",
          startedOn: "",
          finishedOn: "",
        }),
      });
      await res.arrayBuffer();
      projectId = Number(res.headers.get("location")!.split("/").pop());
    }
    expect((await postMultipart(`/me/projects/${projectId}`, cookies.owner, { intent: "upload", file: await png(), alt: "The shop" })).status).toBe(302);
    const photo = (db.prepare("select photo from graduates where id = ?").get(owner.id) as { photo: string }).photo;
    const picture = (db.prepare("select file_name from project_images where project_id = ? order by id desc limit 1").get(projectId) as { file_name: string })
      .file_name;
    expect(photo).toMatch(/^[a-f0-9]{32}\.webp$/);

    const expectations: Record<"public" | "employers" | "private", Record<string, number>> = {
      public: { visitor: 200, owner: 200, graduate2: 200, employer: 200, pending: 200, staff: 200 },
      employers: { visitor: 404, owner: 200, graduate2: 404, employer: 200, pending: 404, staff: 200 },
      private: { visitor: 404, owner: 200, graduate2: 404, employer: 404, pending: 404, staff: 200 },
    };
    for (const visibility of ["public", "employers", "private"] as const) {
      db.prepare("update graduates set visibility = ? where id = ?").run(visibility, owner.id);
      for (const file of [photo, picture]) {
        for (const [viewer, status] of Object.entries(expectations[visibility])) {
          const res = await image(file, viewers[viewer]);
          const label = `${visibility} ${file === photo ? "photo" : "project image"} as ${viewer}`;
          expect(res.status, label).toBe(status);
          const cache = res.headers.get("cache-control") ?? "";
          // No shared cache may keep a profile image, and a browser asks again each time, so a
          // profile that turns private stops being served at once (decision 023).
          expect(cache, label).not.toMatch(/public|immutable/);
          if (status === 200) {
            expect(cache, label).toMatch(/private/);
            expect(cache, label).toMatch(/no-cache/);
            expect(res.headers.get("content-type"), label).toBe("image/webp");
          } else {
            expect(cache, label).toBe("no-store");
          }
        }
      }
    }

    // Revalidation: the owner's browser may answer from its cache with a 304, but only after the check.
    const first = await image(photo, cookies.owner);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    expect((await image(photo, cookies.owner, { "If-None-Match": etag! })).status).toBe(304);
    expect((await image(photo, cookies.graduate2, { "If-None-Match": etag! })).status).toBe(404);
    expect((await image(photo, undefined, { "If-None-Match": etag! })).status).toBe(404);
  });

  it("lets the company an application was sent to see the pictures it carried, whatever the profile's visibility now", async () => {
    const owner = await signIn("graduate@demo.kg");
    const employer = await signIn("employer@demo.kg");
    const other = await signIn("employer2@demo.kg");
    const graduate = db.prepare("select g.id from graduates g join users u on u.id = g.user_id where u.email = 'graduate@demo.kg'").get() as { id: number };
    // An open vacancy of employer@demo.kg's company the graduate has not applied to yet.
    const vacancy = db
      .prepare(
        `select v.id from vacancies v join company_members m on m.company_id = v.company_id join users u on u.id = m.user_id
         where u.email = 'employer@demo.kg' and v.status = 'open' and (v.deadline is null or v.deadline >= date('now', '+1 day'))
           and not exists (select 1 from applications a where a.vacancy_id = v.id and a.graduate_id = ?) order by v.id limit 1`,
      )
      .get(graduate.id) as { id: number };
    const project = db
      .prepare("select p.id, i.file_name from projects p join project_images i on i.project_id = p.id where p.graduate_id = ? order by i.id desc limit 1")
      .get(graduate.id) as { id: number; file_name: string };
    expect(vacancy && project).toBeTruthy();
    const res = await fetch(`${server.url}/vacancies/${vacancy.id}/apply`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: owner },
      body: new URLSearchParams([
        ["note", "Hello"],
        ["projectId", String(project.id)],
      ]),
    });
    await res.arrayBuffer();
    expect(res.status).toBe(302);
    db.prepare("update graduates set visibility = 'private' where id = ?").run(graduate.id);
    expect((await image(project.file_name, employer)).status).toBe(200);
    expect((await image(project.file_name, other)).status).toBe(404);
    expect((await image(project.file_name)).status).toBe(404);
  });

  it("keeps company logos public and cacheable, and answers 404 for a stored file that no row names", async () => {
    const cookie = await signIn("employer@demo.kg");
    const company = db
      .prepare("select c.id from companies c join company_members m on m.company_id = c.id join users u on u.id = m.user_id where u.email = 'employer@demo.kg'")
      .get() as { id: number };
    expect((await postMultipart("/company", cookie, { intent: "logo", logo: await png() })).status).toBe(302);
    const logo = (db.prepare("select logo from companies where id = ?").get(company.id) as { logo: string }).logo;
    expect(logo).toMatch(/^[a-f0-9]{32}\.webp$/);
    const res = await image(logo);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/public/);

    // A file left in the folder by a crash (no row names it) is nobody's image: not served.
    const orphan = `${"c".repeat(32)}.webp`;
    fs.copyFileSync(path.join(server.dataDir, "uploads", logo), path.join(server.dataDir, "uploads", orphan));
    expect((await image(orphan)).status).toBe(404);
    expect((await image(orphan, await signIn("staff@demo.kg"))).status).toBe(404);
  });
});
