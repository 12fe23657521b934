// docs/decisions/057-one-way-to-tell.md: an in-portal notification is never written without its outbox
// rows. Only app/models/messages.server.ts (tell, tellCompany) calls notify(), and only
// notifications.server.ts inserts notification rows; everything else tells a person through tell().
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

/** Files (other than the allowed ones) whose text matches the pattern. */
function offenders(pattern: RegExp, allowed: string[]): string[] {
  return [...sourceFiles("app"), ...sourceFiles("db")].filter((f) => !allowed.includes(f) && pattern.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
}

const NOTIFY_CALL = /\bnotify(Company)?\(/;
const NOTIFICATION_INSERT = /insertInto\(\s*["']notifications["']\s*\)/;

describe("one way to tell a person (docs/decisions/057-one-way-to-tell.md)", () => {
  it("only messages.server.ts calls notify(), and only notifications.server.ts writes notification rows", () => {
    expect(offenders(NOTIFY_CALL, ["app/models/messages.server.ts", "app/models/notifications.server.ts"])).toEqual([]);
    expect(offenders(NOTIFICATION_INSERT, ["app/models/notifications.server.ts"])).toEqual([]);
  });

  it("the patterns catch what they are for (not names that merely contain the word)", () => {
    expect(NOTIFY_CALL.test('await notify(trx, 1, "application-status", {});')).toBe(true);
    expect(NOTIFY_CALL.test("await notifyCompany(db, 3, kind, vars);")).toBe(true);
    expect(NOTIFY_CALL.test("await renotify(db);")).toBe(false);
    expect(NOTIFICATION_INSERT.test('db.insertInto("notifications").values(row)')).toBe(true);
    expect(NOTIFICATION_INSERT.test('db.insertInto("notifications_archive")')).toBe(false);
  });
});
