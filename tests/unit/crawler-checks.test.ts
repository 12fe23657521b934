// The crawler's `.data` checks for hidden figures must see the shapes the loaders send today: a
// vacancy's nested `salary: { min, max }` and the public table's `{ shown: false }` cells (issue 13
// items 4 and 13). A check that only knew the old row shapes passed these leaks unseen.
import { describe, expect, it } from "vitest";
import { hiddenFigureLeaks } from "../support/crawler";

const hiddenSalary = new Map([[9, { companyId: 5 }]]);
const visitor = { staff: false, companyId: null };

describe("hiddenFigureLeaks", () => {
  it("finds a hidden salary sent as the row's salary_min/salary_max (the first finding)", () => {
    expect(hiddenFigureLeaks({ vacancy: { id: 9, salary_min: 53000, salary_max: 58000 } }, hiddenSalary, visitor)).toHaveLength(1);
  });

  it("finds a hidden salary sent in the named shape's nested salary { min, max }", () => {
    expect(
      hiddenFigureLeaks({ "routes/vacancies.$id": { data: { vacancy: { id: 9, title: "x", salary: { min: 53000, max: 58000 } } } } }, hiddenSalary, visitor),
    ).toEqual(["routes/vacancies.$id.data.vacancy: salary salary.min=53000, salary.max=58000 of a vacancy whose salary is hidden"]);
  });

  it("lets the company's own members and staff see it, and nobody see a hidden salary sent as null", () => {
    const payload = { vacancy: { id: 9, salary: { min: 53000, max: 58000 } } };
    expect(hiddenFigureLeaks(payload, hiddenSalary, { staff: false, companyId: 5 })).toEqual([]);
    expect(hiddenFigureLeaks(payload, hiddenSalary, { staff: true, companyId: null })).toEqual([]);
    expect(hiddenFigureLeaks(payload, hiddenSalary, { staff: false, companyId: 6 })).toHaveLength(1);
    expect(hiddenFigureLeaks({ vacancy: { id: 9, salary: null } }, hiddenSalary, visitor)).toEqual([]);
    expect(hiddenFigureLeaks({ vacancy: { id: 10, salary: { min: 1, max: 2 } } }, hiddenSalary, visitor)).toEqual([]);
  });

  it("finds numbers in a hidden outcome cell, in the public table's { shown: false } shape too", () => {
    const cells = (hidden: Record<string, unknown>) => ({
      schools: [{ years: [{ year: 2020, n: 4, cells: { employmentRate: hidden, knowledgeRate: { shown: true, percent: 80 } } }] }],
    });
    expect(hiddenFigureLeaks(cells({ hidden: true, value: 0.75 }), hiddenSalary, visitor)).toHaveLength(1);
    expect(hiddenFigureLeaks(cells({ shown: false, percent: 75 }), hiddenSalary, visitor)).toHaveLength(1);
    expect(hiddenFigureLeaks(cells({ shown: false }), hiddenSalary, visitor)).toEqual([]);
  });
});
