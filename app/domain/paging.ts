// How a list is cut into pages: at least one page (an empty list shows page 1 of 1), and a page
// number past the end shows the last page rather than an empty one.

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The requested page of a list held in memory, with the page actually shown and the page count. */
export function pageOf<T>(items: readonly T[], requested: number, pageSize: number): { items: T[]; page: number; pages: number } {
  const pages = pageCount(items.length, pageSize);
  const page = Math.min(requested, pages);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pages };
}
