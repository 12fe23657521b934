// Database commands: `npm run db:migrate`, `npm run db:seed [-- --graduates 100000 --file path]`,
// `npm run db:seed -- --graduates 100000 --vacancies 20000` builds the benchmark set;
// `npm run db:create-admin -- --email a@b.kg` (password from ADMIN_PASSWORD);
// `npm run db:backup -- --to FILE` (online, while the portal runs) and
// `npm run db:restore -- --from FILE` (only while the portal is stopped);
// `npm run db:remove-demo` (all demo data, one audited transaction; decision 018).
import { parseArgs } from "node:util";
import { hashPassword } from "../app/auth/password.server";
import { loadConfig } from "../app/config.server";
import { backupDatabase, restoreDatabase } from "./backup";
import { type Connection, migrateToLatest, openDatabase } from "./connection";
import { removeDemoData } from "./seed/demo-removal";
import { seedIfEmpty } from "./seed/index";

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

const config = loadConfig();
const file = values.file ?? config.databasePath;
let connection: Connection | undefined;

async function main(): Promise<void> {
  // Backup and restore work on the file as it is: no migration, and restore must not open it.
  if (command === "backup") {
    if (!values.to) throw new Error("usage: npm run db:backup -- --to FILE");
    const started = Date.now();
    const result = await backupDatabase(file, values.to);
    console.log(`backed up ${file} to ${result.file} (${(result.bytes / 1048576).toFixed(1)} MB, integrity ok) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  if (command === "restore") {
    if (!values.from) throw new Error("usage: npm run db:restore -- --from FILE (stop the portal first)");
    const result = restoreDatabase(values.from, file);
    console.log(`restored ${result.file} from ${values.from} (integrity ok; migrations: ${result.migrations.length})`);
    if (result.keptAs) console.log(`the replaced database is kept as ${result.keptAs}`);
    console.log("start the portal to apply any newer migrations");
    return;
  }
  const c = openDatabase(file);
  connection = c;
  const applied = await migrateToLatest(c.db);
  console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  if (command === "migrate") return;
  if (command === "seed") {
    const started = Date.now();
    const graduates = values.graduates ? Number(values.graduates) : undefined;
    const openVacancies = values.vacancies ? Number(values.vacancies) : undefined;
    const size = graduates ? { graduates, openVacancies } : undefined;
    const result = await seedIfEmpty(c, { demo: true, size, uploadDir: config.uploadDir });
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
    if (!values.email || !password || password.length < 10) throw new Error("usage: ADMIN_PASSWORD=<10+ chars> npm run db:create-admin -- --email you@agency.kg [--name 'Full Name']");
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
