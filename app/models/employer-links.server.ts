// Employers named in outcome records, linked to known companies (docs/product.md §6 since the first release,
// docs/decisions/021): a name typed in a survey or a staff entry is matched to a company by
// companyNameKey (script, case, quotes and legal form ignored); the HTP flag of a job is the company's
// status on the job's start date; names no company matched are listed for staff to link later.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { htpOnDay } from "~/domain/companies/htp";
import { companyNameKey, otherScript } from "~/domain/companies/name-key";
import { sortByKyrgyzName } from "~/domain/search/kyrgyz-order";
import { recordAudit } from "./audit.server";

/** The one company whose name has this key, or null (none, or more than one: then staff decide). */
export async function companyByName(db: DB, name: string): Promise<{ id: number; name: string; status: string; verified_at: string | null } | null> {
  const key = companyNameKey(name);
  if (!key) return null;
  const all = await db.selectFrom("companies").select(["id", "name", "status", "verified_at"]).execute();
  const found = all.filter((c) => companyNameKey(c.name) === key);
  return found.length === 1 ? found[0]! : null;
}

export type CompanyChoice = { id: number; name: string; other: string; status: string };

/** Companies to pick from, each with its name in the other script so a list filters on either. */
export async function companyChoices(db: DB, options: { verifiedOnly: boolean }): Promise<CompanyChoice[]> {
  let query = db.selectFrom("companies").select(["id", "name", "status"]);
  if (options.verifiedOnly) query = query.where("status", "=", "verified");
  const rows = await query.orderBy("id").execute();
  // By name in the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md); equal names by id.
  return sortByKyrgyzName(
    rows.map((c) => ({ id: c.id, name: c.name, other: otherScript(c.name), status: c.status })),
    (c) => c.name,
  );
}

type UnlinkedRow = { id: number; employer_name: string };

/** `within`: the staff scope's schools (docs/decisions/063-staff-scope.md), null = every graduate's records. */
function unlinkedQuery(db: DB, within: readonly number[] | null) {
  return db
    .selectFrom("outcomes")
    .where("outcomes.current", "=", sql.lit(1))
    .where("outcomes.code", "=", "employed")
    .where("outcomes.company_id", "is", null)
    .where("outcomes.employer_name", "is not", null)
    .$if(within !== null, (q) =>
      q.where("outcomes.graduate_id", "in", (eb) =>
        eb
          .selectFrom("graduates")
          .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
          .select("graduates.id")
          .where("cohorts.school_id", "in", within?.length ? within : [0]),
      ),
    );
}

async function unlinkedRecords(db: DB, within: readonly number[] | null): Promise<UnlinkedRow[]> {
  return (await unlinkedQuery(db, within).select(["outcomes.id", "outcomes.employer_name"]).orderBy("outcomes.id").execute()) as UnlinkedRow[];
}

/**
 * Each spelling once, with its records' count, in the order it was first recorded: what
 * unlinkedRecords lists, counted in SQL (tens of thousands of records, a few dozen spellings:
 * docs/decisions/071).
 */
async function unlinkedSpellings(db: DB, within: readonly number[] | null): Promise<{ employer_name: string; records: number }[]> {
  return (await unlinkedQuery(db, within)
    .select((eb) => ["outcomes.employer_name", eb.fn.countAll<number>().as("records"), eb.fn.min("outcomes.id").as("first")])
    .groupBy("outcomes.employer_name")
    .orderBy("first")
    .execute()) as { employer_name: string; records: number }[];
}

export type UnlinkedName = { key: string; name: string; spellings: string[]; count: number; suggested: { id: number; name: string } | null };

/**
 * Current employed records naming an employer with no company link, grouped by name key: the most
 * frequent spelling names the group; a company whose key equals it (registered since) is suggested.
 * Most frequent first.
 */
export async function listUnlinkedEmployers(db: DB, within: readonly number[] | null): Promise<UnlinkedName[]> {
  const groups = new Map<string, Map<string, number>>();
  for (const r of await unlinkedSpellings(db, within)) {
    const key = companyNameKey(r.employer_name);
    if (!key) continue;
    const spellings = groups.get(key) ?? new Map<string, number>();
    spellings.set(r.employer_name, Number(r.records));
    groups.set(key, spellings);
  }
  const companies = await db.selectFrom("companies").select(["id", "name"]).execute();
  const byKey = new Map<string, { id: number; name: string }[]>();
  for (const c of companies) byKey.set(companyNameKey(c.name), [...(byKey.get(companyNameKey(c.name)) ?? []), c]);
  const named = [...groups].map(([key, spellings]) => {
    // The most frequent spelling names the group; on a tie, the one recorded first (the sort is stable).
    const ordered = [...spellings].sort((a, b) => b[1] - a[1]);
    const matches = byKey.get(key) ?? [];
    return {
      key,
      name: ordered[0]![0],
      spellings: ordered.map(([s]) => s),
      count: ordered.reduce((n, [, k]) => n + k, 0),
      suggested: matches.length === 1 ? matches[0]! : null,
    };
  });
  // The most frequent first; equal counts by name in the Kyrgyz alphabet (a stable sort keeps that order).
  return sortByKyrgyzName(named, (g) => g.name).sort((a, b) => b.count - a.count);
}

export type LinkResult = { ok: true; records: number } | { ok: false; reason: "name" | "company" };

/**
 * Links every current record naming an employer with this key to the company: each gets a new record
 * superseding it (history kept, docs/decisions/008) with the company and its HTP status on the job's
 * start date, recorded by the staff member. One audit entry names the spellings and the records.
 */
export async function linkEmployerName(db: DB, key: string, companyId: number, staffId: number, within: readonly number[] | null): Promise<LinkResult> {
  return db.transaction().execute(async (trx): Promise<LinkResult> => {
    const company = await trx.selectFrom("companies").select(["id", "name", "status", "verified_at"]).where("id", "=", companyId).executeTakeFirst();
    if (!company) return { ok: false, reason: "company" };
    // A scoped officer links their schools' records alone (decision 063).
    const ids = (await unlinkedRecords(trx, within)).filter((r) => companyNameKey(r.employer_name) === key).map((r) => r.id);
    if (!key || ids.length === 0) return { ok: false, reason: "name" };
    const rows = await trx.selectFrom("outcomes").selectAll().where("id", "in", ids).orderBy("id").execute();
    for (const row of rows) {
      const { id, current: _current, created_at: _created, updated_at: _updated, ...rest } = row;
      await trx
        .insertInto("outcomes")
        .values({
          ...rest,
          supersedes_id: id,
          company_id: company.id,
          employer_name: null,
          company_htp_resident: htpOnDay(company, row.start_date ?? row.as_of) ? 1 : 0,
          source: "staff",
          recorded_by: staffId,
        })
        .execute();
    }
    await recordAudit(trx, {
      actorId: staffId,
      action: "outcome.link-employer",
      entity: "company",
      entityId: company.id,
      before: { names: [...new Set(rows.map((r) => r.employer_name))], outcomeIds: ids },
      after: { company: company.name, names: [...new Set(rows.map((r) => r.employer_name))], records: rows.length },
    });
    return { ok: true, records: rows.length };
  });
}
