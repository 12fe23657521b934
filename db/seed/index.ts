import type { Connection } from "../connection";
import { DEMO_SIZE, seedDemoData, type SeedSize } from "./demo";
import { recordDemoMarks } from "./demo-removal";
import { seedReferenceData } from "./reference";

/**
 * Fills what is missing: reference data on a new database, demo data on a portal with no
 * accounts yet (only when asked). Never touches a database that already has them.
 */
export async function seedIfEmpty(
  connection: Connection,
  options: {
    demo: boolean;
    size?: SeedSize;
    uploadDir?: string;
    /** Asked for in so many words (SEED_DEMO=1, db:seed): also after a removal. */ demoAgain?: boolean;
  },
): Promise<{ reference: boolean; demo: boolean }> {
  const { db } = connection;
  const hasReference = await db.selectFrom("regions").select("id").limit(1).executeTakeFirst();
  if (!hasReference) await seedReferenceData(db);
  let demo = false;
  if (options.demo) {
    const hasUsers = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
    // A database the demo was removed from is not a fresh one: the restart after `db:remove-demo`
    // must not bring the published demo passwords back (the audit log keeps the removal for good).
    const demoRemoved = await db.selectFrom("audit_log").select("id").where("action", "=", "demo.remove").limit(1).executeTakeFirst();
    if (!hasUsers && (!demoRemoved || options.demoAgain)) {
      await seedDemoData(connection, options.size ?? DEMO_SIZE, { uploadDir: options.uploadDir });
      // What the generator wrote, so that `npm run db:remove-demo` can take exactly that out again.
      await recordDemoMarks(db);
      demo = true;
    }
  }
  return { reference: !hasReference, demo };
}
