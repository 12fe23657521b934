// Database commands: `npm run db:migrate`, `npm run db:seed [-- --graduates 100000 --file path]`,
// `npm run db:seed -- --graduates 100000 --vacancies 20000` builds the benchmark set;
// `npm run db:create-admin -- --email a@b.kg` (password from ADMIN_PASSWORD);
// `npm run db:backup -- --to FOLDER` (online, while the portal runs: the database, the uploads
// it names and the session secret) and `npm run db:restore -- --from FOLDER` (only while the
// portal is stopped; a single .sqlite file from an older backup restores the database alone).
// `npm run db:remove-demo` (all demo data, one audited transaction; decision 018).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { hashPassword } from "../app/auth/password.server";
import { loadConfig, sessionSecretPath } from "../app/config.server";
import { backupPortal, restoreDatabase, restorePortal } from "./backup";
import { type Connection, migrateToLatest, openDatabase } from "./connection";
import { removeDemoData } from "./seed/demo-removal";
import { seedIfEmpty } from "./seed/index";
import { rebuildSearchIndexesIfAsked } from "../app/models/search-index.server";

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    file: { type: "string" },
    graduates: { type: "string" },
    vacancies: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    to: { type: "string" },
    from: { type: "string" },
  },
});

// Backup and restore never use the secret: they must not generate one (a fresh secret written
// before a restore would only be replaced by the backup's).
const fileOnly = command === "backup" || command === "restore";
const config = loadConfig(
  fileOnly && !process.env.SESSION_SECRET ? { ...process.env, SESSION_SECRET: "unused-by-backup-and-restore-0123456789" } : process.env,
);
const file = values.file ?? config.databasePath;
let connection: Connection | undefined;

async function main(): Promise<void> {
  // Backup and restore work on the file as it is: no migration, and restore must not open it.
  const paths = { databasePath: file, uploadDir: config.uploadDir, sessionSecretFile: sessionSecretPath(config.dataDir) };
  const secretFromEnv = Boolean(process.env.SESSION_SECRET);
  if (command === "backup") {
    if (!values.to) throw new Error("usage: npm run db:backup -- --to FOLDER");
    const started = Date.now();
    const result = await backupPortal(paths, values.to);
    const mb = (n: number) => (n / 1048576).toFixed(1);
    console.log(
      `backed up ${file} to ${result.folder} (database ${mb(result.databaseBytes)} MB, integrity ok; ${result.uploads} uploads, ${mb(result.uploadBytes)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (result.missing.length)
      console.warn(`warning: ${result.missing.length} files the database names were already missing from ${config.uploadDir}: ${result.missing.join(", ")}`);
    if (secretFromEnv)
      console.log("SESSION_SECRET is set in the environment: it is not in the backup; keep it with the backup, or a restore signs everyone out");
    else console.log(result.sessionSecret ? "the session secret is in the backup (mode 0600): keep the backup private" : "no session secret file to back up");
    return;
  }
  if (command === "restore") {
    if (!values.from) throw new Error("usage: npm run db:restore -- --from FOLDER (stop the portal first)");
    if (fs.statSync(values.from, { throwIfNoEntry: false })?.isFile()) {
      const result = restoreDatabase(values.from, file);
      console.log(`restored ${result.file} from ${values.from} (integrity ok; migrations: ${result.migrations.length})`);
      console.log("this backup is a database file only: uploads and the session secret are not in it");
      if (result.keptAs) console.log(`the replaced database is kept as ${result.keptAs}`);
    } else {
      const result = restorePortal(values.from, paths);
      console.log(
        `restored ${result.file} and ${result.uploads} uploads into ${config.uploadDir} from ${values.from} (integrity and hashes ok; migrations: ${result.migrations.length})`,
      );
      if (result.keptAs) console.log(`the replaced database is kept as ${result.keptAs}`);
      console.log(`session secret: ${result.sessionSecret}${result.secretKeptAs ? ` (the replaced one is kept as ${result.secretKeptAs})` : ""}`);
      if (secretFromEnv) console.log("SESSION_SECRET is set in the environment and wins over the restored file");
      if (result.missing.length) console.warn(`warning: the backup recorded ${result.missing.length} files its database names that were already missing`);
    }
    console.log("start the portal to apply any newer migrations");
    return;
  }
  const c = openDatabase(file);
  connection = c;
  const applied = await migrateToLatest(c.db);
  console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  const rebuilt = await rebuildSearchIndexesIfAsked(c.db);
  if (rebuilt) console.log(`search indexes rebuilt: ${rebuilt.graduates} graduates, ${rebuilt.vacancies} vacancies in ${rebuilt.ms} ms`);
  if (command === "migrate") return;
  if (command === "seed") {
    const started = Date.now();
    const graduates = values.graduates ? Number(values.graduates) : undefined;
    const openVacancies = values.vacancies ? Number(values.vacancies) : undefined;
    const size = graduates ? { graduates, openVacancies } : undefined;
    const result = await seedIfEmpty(c, { demo: true, demoAgain: true, size, uploadDir: config.uploadDir });
    console.log(result.demo ? `seeded ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s` : "database already has accounts: nothing seeded");
    return;
  }
  if (command === "remove-demo") {
    const { removed, keptCohorts } = removeDemoData(c, { uploadDir: config.uploadDir });
    console.log(
      `demo data removed from ${file}: ${removed.users} accounts, ${removed.companies} companies, ${removed.vacancies} vacancies, ` +
        `${removed.graduates} graduates, ${removed.outcomes} outcome records, ${removed.cohorts} cohorts, ${removed.files} image files (written to the audit log)`,
    );
    if (keptCohorts) console.log(`${keptCohorts} demo cohorts kept: graduates added later belong to them`);
    return;
  }
  if (command === "create-admin") {
    const password = process.env.ADMIN_PASSWORD;
    if (!values.email || !password || password.length < 10)
      throw new Error("usage: ADMIN_PASSWORD=<10+ chars> npm run db:create-admin -- --email you@agency.kg [--name 'Full Name']");
    await seedIfEmpty(c, { demo: false });
    await c.db
      .insertInto("users")
      .values({ email: values.email.toLowerCase(), role: "admin", display_name: values.name ?? values.email, password_hash: await hashPassword(password) })
      .execute();
    console.log(`admin ${values.email} created`);
    return;
  }
  throw new Error(`unknown command "${command ?? ""}": use migrate, seed, create-admin, remove-demo, backup or restore`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => connection?.sqlite.close());
