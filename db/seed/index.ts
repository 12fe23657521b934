import type { Connection } from "../connection";
import { DEMO_SIZE, seedDemoData, type SeedSize } from "./demo";
import { recordDemoMarks } from "./demo-removal";
import { seedReferenceData } from "./reference";

/**
 * Fills what is missing: reference data on a new database, demo data on a portal with no
 * accounts yet (only when asked). Never touches a database that already has them.
 */
export async function seedIfEmpty(connection: Connection, options: { demo: boolean; size?: SeedSize; uploadDir?: string }): Promise<{ reference: boolean; demo: boolean }> {
  const { db } = connection;
  const hasReference = await db.selectFrom("regions").select("id").limit(1).executeTakeFirst();
  if (!hasReference) await seedReferenceData(db);
  let demo = false;
  if (options.demo) {
    const hasUsers = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (!hasUsers) {
      await seedDemoData(connection, options.size ?? DEMO_SIZE, { uploadDir: options.uploadDir });
      // What the generator wrote, so that `npm run db:remove-demo` can take exactly that out again.
      await recordDemoMarks(db);
      demo = true;
    }
  }
  return { reference: !hasReference, demo };
}
