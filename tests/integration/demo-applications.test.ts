// Issue 13 item 1: every application the demo generator writes opens, over HTTP in the real
// build, for the graduate who sent it and for a member of the company that received it —
// and a copy stored in an older, shorter shape still renders what it holds (docs/decisions/007).
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";
import { sessionCookiesFor } from "../support/server-sessions";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

type Row = { id: number; graduate_user: number; employer_user: number | null; first_name: string; last_name: string; has_snapshot: number };

function applications(): Row[] {
  const db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
  try {
    return db
      .prepare(
        `select a.id, g.user_id as graduate_user, g.first_name, g.last_name, a.snapshot_json is not null as has_snapshot,
                (select m.user_id from company_members m where m.company_id = c.id order by m.user_id limit 1) as employer_user
         from applications a join graduates g on g.id = a.graduate_id join vacancies v on v.id = a.vacancy_id join companies c on c.id = v.company_id
         where c.status = 'verified' order by a.id`,
      )
      .all() as Row[];
  } finally {
    db.close();
  }
}

async function page(url: string, cookie: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${server.url}${url}`, { headers: { cookie, "Accept-Language": "ru" }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

/** Runs `work` over the items a few at a time: the server is one process on a shared machine. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>, size = 8): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

describe("seeded applications", () => {
  it(
    "every seeded application page opens (200) for its graduate and for its company's employer, showing the copy that was sent",
    { timeout: 240_000 },
    async () => {
      const rows = applications();
      expect(rows.length).toBeGreaterThan(100);
      const users = [...new Set(rows.flatMap((r) => [r.graduate_user, r.employer_user]).filter((u): u is number => u !== null))];
      const cookies = await sessionCookiesFor(server.dataDir, users);
      const cookieOf = new Map(users.map((u, i) => [u, cookies[i]!]));
      const failures: string[] = [];
      let employerPages = 0;
      await inBatches(rows, async (r) => {
        const views: [string, number][] = [[`/me/applications/${r.id}`, r.graduate_user]];
        if (r.employer_user !== null) views.push([`/employer/applications/${r.id}`, r.employer_user]);
        for (const [url, user] of views) {
          const { status, html } = await page(url, cookieOf.get(user)!);
          if (url.startsWith("/employer")) employerPages++;
          if (status !== 200) failures.push(`${url} as user ${user}: ${status}`);
          // The copy names the graduate (an invitation not yet answered has no copy).
          else if (r.has_snapshot && !html.includes(`${r.first_name} ${r.last_name}`)) failures.push(`${url}: the copy does not show the graduate's name`);
        }
      });
      expect(failures).toEqual([]);
      // The demo employers' companies received applications, so the employer side was walked too.
      expect(employerPages).toBeGreaterThan(5);
    },
  );

  it("a copy stored in the first, shorter shape (name, headline, sentAt) renders what it has instead of a 500", async () => {
    const rows = applications().filter((r) => r.employer_user !== null && r.has_snapshot);
    const r = rows[0]!;
    const db = new Database(path.join(server.dataDir, "portal.sqlite"));
    try {
      db.pragma("busy_timeout = 5000");
      db.prepare("update applications set snapshot_json = ? where id = ?").run(
        JSON.stringify({ name: "Старая Копия", headline: "Тестировщик из старой копии", sentAt: "2025-03-01T09:00:00.000Z" }),
        r.id,
      );
    } finally {
      db.close();
    }
    const [graduate, employer] = await sessionCookiesFor(server.dataDir, [r.graduate_user, r.employer_user!]);
    for (const [url, cookie] of [
      [`/me/applications/${r.id}`, graduate!],
      [`/employer/applications/${r.id}`, employer!],
    ] as const) {
      const { status, html } = await page(url, cookie);
      expect(status, url).toBe(200);
      expect(html).toContain("Старая Копия");
      expect(html).toContain("Тестировщик из старой копии");
    }
  });
});
