import { describe, expect, it } from "vitest";
import { pageCount, pageOf } from "~/domain/paging";

describe("paging", () => {
  it("counts at least one page, and a partial last page as a page", () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
  });

  it("cuts the requested page out of a list, and shows the last page for a number past the end", () => {
    const items = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(pageOf(items, 2, 10)).toEqual({ items: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20], page: 2, pages: 3 });
    expect(pageOf(items, 9, 10)).toEqual({ items: [21, 22, 23, 24, 25], page: 3, pages: 3 });
    expect(pageOf([], 4, 10)).toEqual({ items: [], page: 1, pages: 1 });
  });
});
