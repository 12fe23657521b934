// Making the copy an application sends (docs/decisions/007-application-snapshots.md). The apply
// action and the demo generator (db/seed/vacancies.ts) both make copies here, so a stored copy
// always has the shape app/domain/applications/snapshot.ts checks.
import type { DB } from "@db/connection";
import type { ApplicationSnapshot } from "~/domain/applications/snapshot";
import { snapshotFrom, type SnapshotSource } from "~/domain/applications/snapshot-from";
import { loadProfile } from "./profile.server";
import { listProjects } from "./projects.server";

export async function snapshotSource(db: DB, graduateId: number): Promise<SnapshotSource> {
  const profile = await loadProfile(db, graduateId);
  if (!profile) throw new Error(`no profile for graduate ${graduateId}`);
  return { profile, projects: await listProjects(db, graduateId) };
}

export async function takeSnapshot(db: DB, graduateId: number, projectIds: number[], takenAt = new Date().toISOString()): Promise<ApplicationSnapshot> {
  return snapshotFrom(await snapshotSource(db, graduateId), projectIds, takenAt);
}
