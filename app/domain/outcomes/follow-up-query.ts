// The follow-up list's filters, read from the address (/staff/outcomes/follow-up?…): unknown
// values are ignored, never an error.

export type FollowUpQuery = { schoolId: number | null; cohortId: number | null; page: number };

export function followUpQueryFrom(url: URL): FollowUpQuery {
  const p = url.searchParams;
  const id = (name: string) => {
    const v = p.get(name) ?? "";
    // Ids start at 1: "0" is not a filter, and must not be read as "no filter" further on.
    return /^[1-9]\d{0,11}$/.test(v) ? Number(v) : null;
  };
  const page = Number(p.get("page"));
  return { schoolId: id("school"), cohortId: id("cohort"), page: Number.isSafeInteger(page) && page > 0 && page < 100_000 ? page : 1 };
}
