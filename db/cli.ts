// Database commands: `npm run db:migrate`, `npm run db:seed [-- --graduates 100000 --file path]`,
// `npm run db:seed -- --graduates 100000 --vacancies 20000` builds the benchmark set;
// `npm run db:create-admin -- --email a@b.kg` (password from ADMIN_PASSWORD).
import { parseArgs } from "node:util";
import { hashPassword } from "../app/auth/password.server";
import { loadConfig } from "../app/config.server";
import { migrateToLatest, openDatabase } from "./connection";
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
  },
});

const config = loadConfig();
const file = values.file ?? config.databasePath;
const connection = openDatabase(file);

async function main(): Promise<void> {
  const applied = await migrateToLatest(connection.db);
  console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  if (command === "migrate") return;
  if (command === "seed") {
    const started = Date.now();
    const graduates = values.graduates ? Number(values.graduates) : undefined;
    const openVacancies = values.vacancies ? Number(values.vacancies) : undefined;
    const size = graduates ? { graduates, openVacancies } : undefined;
    const result = await seedIfEmpty(connection, { demo: true, size, uploadDir: config.uploadDir });
    console.log(result.demo ? `seeded ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s` : "database already has accounts: nothing seeded");
    return;
  }
  if (command === "create-admin") {
    const password = process.env.ADMIN_PASSWORD;
    if (!values.email || !password || password.length < 10) throw new Error("usage: ADMIN_PASSWORD=<10+ chars> npm run db:create-admin -- --email you@agency.kg [--name 'Full Name']");
    await seedIfEmpty(connection, { demo: false });
    await connection.db
      .insertInto("users")
      .values({ email: values.email.toLowerCase(), role: "admin", display_name: values.name ?? values.email, password_hash: await hashPassword(password) })
      .execute();
    console.log(`admin ${values.email} created`);
    return;
  }
  throw new Error(`unknown command "${command ?? ""}": use migrate, seed or create-admin`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => connection.sqlite.close());
