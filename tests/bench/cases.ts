// The measured figures. Each calls a real route loader with a real request.
import * as directory from "~/routes/graduates._index";
import * as board from "~/routes/vacancies._index";
import { startSession } from "~/auth/session.server";
import { getDb } from "~/db.server";

/** budgetMs null: measured and printed for information, DESIGN §10 sets no budget for it. */
export type BenchCase = { figure: string; budgetMs: number | null; run: () => Promise<unknown> };

let staffCookie: string | undefined;
async function staff(): Promise<string> {
  if (!staffCookie) {
    const user = await getDb().selectFrom("users").select("id").where("email", "=", "staff@demo.kg").executeTakeFirstOrThrow();
    staffCookie = (await startSession(new Request("http://localhost/"), user.id)).split(";")[0]!;
  }
  return staffCookie;
}

const context = { clientAddress: "127.0.0.1", cspNonce: "" };
const load = async (loader: (args: never) => unknown, url: string, cookie?: string) =>
  (loader as (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>)({
    request: new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} }),
    params: {},
    context,
  });

export const cases: BenchCase[] = [
  {
    figure: "job board: full text + filters (20,000 open vacancies)",
    budgetMs: 20,
    run: () => load(board.loader, "/vacancies?q=разработчик&mode=hybrid&salary=1&sort=newest"),
  },
  {
    figure: "job board: skill typed in Kyrgyz/Russian + city, page 3",
    budgetMs: 20,
    run: () => load(board.loader, "/vacancies?skill=питон&page=3"),
  },
  {
    figure: "graduate directory: full text + skill + filter (staff)",
    budgetMs: null,
    run: async () => load(directory.loader, "/graduates?q=react&skill=javascript&relocate=1", await staff()),
  },
];
