// Applications, made the way the portal makes them: the graduate applies (apply) or the employer
// invites (invite), then each step of the history is the pipeline's own move (move, withdraw)
// taken by the party the pipeline allows (the steps of ./history, which the demo generator follows too).
import type { DB } from "../connection";
import type { ApplicationStatus } from "../schema";
import { apply, invite, move, withdraw } from "../../app/models/applications.server";
import { ACTOR, stepsTo } from "./history";
import { todayInBishkek } from "../../app/domain/calendar";

export type ApplicationOptions = {
  status?: ApplicationStatus;
  note?: string | null;
  projectIds?: number[];
  /** The member who invites and moves (default: the company's first member). */
  employerId?: number;
  /** For "hired": the start date and pay the employer types (default today, no pay). */
  startDate?: string;
  monthlyPay?: number | null;
};

/** An application of the graduate (who needs an account) to an open vacancy, taken to the asked stage. */
export async function makeApplication(db: DB, vacancyId: number, graduateId: number, options: ApplicationOptions = {}): Promise<number> {
  const status = options.status ?? "applied";
  const graduate = await db.selectFrom("graduates").select(["id", "user_id", "first_name", "last_name"]).where("id", "=", graduateId).executeTakeFirstOrThrow();
  const { company_id: companyId } = await db.selectFrom("vacancies").select("company_id").where("id", "=", vacancyId).executeTakeFirstOrThrow();
  const employer =
    options.employerId ??
    (await db.selectFrom("company_members").select("user_id").where("company_id", "=", companyId).orderBy("user_id").executeTakeFirstOrThrow()).user_id;
  if (graduate.user_id === null) throw new Error("application factory: only a graduate with an account applies or is invited");
  const steps = stepsTo(status);
  const first =
    steps[0] === "invited"
      ? await invite(db, companyId, vacancyId, { id: graduateId }, employer)
      : await apply(db, graduate, vacancyId, { note: options.note ?? null, projectIds: options.projectIds ?? [] }, graduate.user_id);
  if (!first.ok) throw new Error(`application factory: ${steps[0]} refused (${first.reason})`);
  for (const to of steps.slice(1)) {
    const done =
      ACTOR[to] === "graduate"
        ? await withdraw(db, graduate, first.id, null, graduate.user_id)
        : await move(
            db,
            companyId,
            first.id,
            {
              to,
              note: null,
              interviewAt: to === "interview" ? new Date(Date.now() + 3 * 86_400_000).toISOString() : null,
              interviewPlace: to === "interview" ? "Бишкек, ул. Ибраимова 115" : null,
              startDate: to === "hired" ? (options.startDate ?? todayInBishkek()) : null,
              monthlyPay: to === "hired" ? (options.monthlyPay ?? null) : null,
            },
            employer,
          );
    if (!done.ok) throw new Error(`application factory: move to ${to} refused (${done.reason})`);
  }
  return first.id;
}
