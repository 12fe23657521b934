// Turns the table of signed-in pages (signed-in-pages.ts) into bench cases: one harness for all.
//
// What is timed: the loaders Remix runs for a document request of that address — app/root.tsx's,
// each layout's above the page (e.g. app/routes/me.tsx) and the page's own — started together as
// Remix starts them, awaited together, each with a real Request carrying the signed-in cookie, on
// the large data set. What is not: rendering the HTML, serializing the data, the HTTP server and
// the network, and everything in `unmeasurable` (choosing the record, making the session, the
// bench company of cases.ts): untimed, once.
//
// A row is SKIPPED, never left out, when the data set has no record of its kind or when a loader
// answers anything but its page (a redirect, 403, 404): a fast error page is not the page's time.
import fs from "node:fs";
import path from "node:path";
import { getConnection, getDb } from "~/db.server";
import { checkCsvBytes } from "~/domain/csv";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { planAgainstDatabase, stageImport } from "~/models/csv-import.server";
import { createSavedSearch } from "~/models/saved-searches.server";
import { BENCH_HR, type BenchCase, benchCompanyReady, importRoute, NARYN_OFFICER, narynOfficer, signedIn } from "./cases";
import { chainOf, type Role, SCOPED_ACCOUNT, SIGNED_IN_PAGES, type SignedInPage, USUAL_ACCOUNT } from "./signed-in-pages";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

const ROUTES = "app/routes";
const routeIds = new Set(
  fs
    .readdirSync(ROUTES)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => f.replace(/\.tsx?$/, "")),
);
const fileOf = (id: string) => ["tsx", "ts"].map((ext) => path.join(ROUTES, `${id}.${ext}`)).find((f) => fs.existsSync(f))!;

/** The path's params for the route: ":id" fills the route's one dynamic segment ($id or $slug). */
function paramsOf(route: string, id: string | undefined): Record<string, string> {
  const dynamic = route.split(".").find((s) => s.startsWith("$"));
  return dynamic && id !== undefined ? { [dynamic.replace(/^\$|_$/g, "")]: id } : {};
}

const sql = () => getConnection().sqlite;
const emailOf = (userId: number) => sql().prepare("select email from users where id = ?").pluck().get(userId) as string | undefined;

/** The role's usual account (USUAL_ACCOUNT), as a user id. */
async function usualUser(role: Role): Promise<number | undefined> {
  if (role === "employer") await benchCompanyReady();
  const byEmail = (email: string) => sql().prepare("select id from users where email = ?").pluck().get(email) as number | undefined;
  if (role === "employer") return byEmail(BENCH_HR);
  if (role === "staff") return byEmail("staff@demo.kg");
  if (role === "admin") return byEmail("admin@demo.kg");
  return sql()
    .prepare(
      `select g.user_id from graduates g join applications a on a.graduate_id = g.id where g.user_id is not null and g.anonymised_at is null
       group by g.id order by count(*) desc, g.id limit 1`,
    )
    .pluck()
    .get() as number | undefined;
}

/** The Naryn-scoped officer of cases.ts (made there on first use), as a user id. */
async function scopedOfficer(): Promise<number | undefined> {
  await narynOfficer();
  return sql().prepare("select id from users where email = ?").pluck().get(NARYN_OFFICER) as number | undefined;
}

/**
 * Records the large data set's generator does not make, made on first use (untimed, once, found
 * again after) by the functions the pages' own forms call, as cases.ts makes the bench company.
 */
const MADE_ON_FIRST_USE: Record<string, () => Promise<void>> = {
  // Ten saved job-board searches of the usual graduate, as the board's "save this search" makes them.
  "me.saved-searches": async () => {
    if (sql().prepare("select count(*) from saved_searches").pluck().get()) return;
    const user = (await usualUser("graduate"))!;
    const searches = [
      "q=python",
      "q=разработчик&mode=hybrid",
      "skill=javascript",
      "q=frontend&salary=1",
      "city=Бишкек",
      "q=тестировщик",
      "skill=sql&sort=newest",
      "q=designer",
      "q=php&mode=remote",
      "q=junior",
    ];
    for (const search of searches) await createSavedSearch(getDb(), user, parseBoardQuery(search), null);
  },
  // A checked 2,000-line file for the largest cohort, staged as the import form stages it.
  "staff.import.$id": async () => {
    if (sql().prepare("select count(*) from csv_imports").pluck().get()) return;
    const cohortId = sql().prepare("select cohort_id from graduates group by cohort_id order by count(*) desc, cohort_id limit 1").pluck().get() as number;
    const staffId = (await usualUser("staff"))!;
    const lines = Array.from({ length: 2_000 }, (_, i) => `Бенчтин${i},Айбек${i},${i % 2 ? "ж" : "м"},bench-import-${i}@mail.kg`);
    const checked = checkCsvBytes(new TextEncoder().encode(["Фамилия,Имя,Пол,Email", ...lines].join("\n")));
    if (!checked.ok) throw new Error(`bench import: ${checked.problem.key}`);
    const plan = await planAgainstDatabase(getDb(), cohortId, checked.file);
    await stageImport(getDb(), { actorId: staffId, cohortId, fileName: "bench-cohort.csv", text: checked.text, summary: plan.summary });
  },
};

/** What a loader's result says about the answer: a status other than 2xx means it is not the page. */
function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  if (result instanceof Error) return 500;
  const init =
    (result as { type?: string; init?: { status?: number } } | null)?.type === "DataWithResponseInit"
      ? (result as { init?: { status?: number } }).init
      : undefined;
  return init?.status ?? 200;
}

const context = { clientAddress: "127.0.0.1", cspNonce: "" };

function caseOf(page: SignedInPage): BenchCase {
  let ready: { url: string; cookie: string; params: Record<string, string>; loaders: Loader[] } | undefined;
  const who = page.scoped ? `${SCOPED_ACCOUNT}${page.record ? `, ${page.record}` : ""}` : (page.record ?? USUAL_ACCOUNT[page.as]);
  const run = async () => {
    const r = ready!;
    return Promise.all(
      r.loaders.map((loader) =>
        loader({ request: new Request(`http://localhost${r.url}`, { headers: { Cookie: r.cookie } }), params: r.params, context }).catch(
          (thrown: unknown) => thrown,
        ),
      ),
    );
  };
  return {
    figure: `signed in as ${page.as}: ${page.path} (${who})`,
    budgetMs: page.budgetMs,
    unmeasurable: async () => {
      await MADE_ON_FIRST_USE[page.route]?.();
      let userId = page.scoped ? await scopedOfficer() : await usualUser(page.as);
      let id: string | undefined;
      if (page.pick) {
        const statement = sql().prepare(page.pick);
        const row = (page.pick.includes("@user") ? statement.get({ user: userId }) : statement.get()) as { user_id?: number; id?: number | string } | undefined;
        if (!row || (row.id === null && page.path.includes(":id"))) return `the data set has nothing to choose (${page.record ?? "the record"})`;
        userId = row.user_id ?? userId;
        id = row.id === undefined || row.id === null ? undefined : String(row.id);
      }
      const email = userId === undefined ? undefined : emailOf(userId);
      if (!email) return `no ${page.as} account in the data set`;
      const loaders = await Promise.all(chainOf(page.route, routeIds).map(async (r) => (await importRoute<{ loader?: Loader }>(fileOf(r))).loader));
      ready = {
        url: page.path.replace(":id", id ?? ""),
        cookie: await signedIn(email),
        params: paramsOf(page.route, id),
        loaders: [(await importRoute<{ loader: Loader }>("app/root.tsx")).loader, ...loaders.filter((l): l is Loader => Boolean(l))],
      };
      const answers = (await run()).map(statusOf);
      const refused = answers.findIndex((s) => s < 200 || s >= 300);
      if (refused < 0) return null;
      const error = (await run())[refused];
      return `${ready.url} answered ${answers[refused]} as ${email}${error instanceof Error ? `: ${error.message}` : ""}`;
    },
    run,
  };
}

export const signedInPageCases: BenchCase[] = SIGNED_IN_PAGES.map(caseOf);
