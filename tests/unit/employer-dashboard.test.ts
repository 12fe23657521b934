// The employer dashboard's pure rules (app/domain/employer-dashboard.ts): the Bishkek week, the
// 5-day wait and the time-to-hire medians, each checked against figures worked out by hand.
import { describe, expect, it } from "vitest";
import { bishkekWeek, daysWaiting, median, timeToHire, timeToHirePeriod, waitingCutoff, type HireHistory } from "~/domain/employer-dashboard";

describe("bishkekWeek", () => {
  it("is Monday to Sunday in Bishkek, as UTC instants from 18:00 UTC the Sunday before", () => {
    // Wednesday 9 December 2026, noon in Bishkek.
    expect(bishkekWeek(new Date("2026-12-09T06:00:00.000Z"))).toEqual({
      firstDay: "2026-12-07",
      lastDay: "2026-12-13",
      from: "2026-12-06T18:00:00.000Z",
      to: "2026-12-13T18:00:00.000Z",
    });
  });

  it("turns at Monday 00:00 Bishkek time (Sunday 18:00 UTC), not at the UTC midnight", () => {
    // Sunday 13 December, 23:59 in Bishkek: still the week of the 7th.
    expect(bishkekWeek(new Date("2026-12-13T17:59:00.000Z")).firstDay).toBe("2026-12-07");
    // Monday 14 December, 00:30 in Bishkek, though the UTC date is still Sunday the 13th.
    expect(bishkekWeek(new Date("2026-12-13T18:30:00.000Z")).firstDay).toBe("2026-12-14");
    // Across a year end: Thursday 31 December 2026 → the week of Monday 28 December.
    expect(bishkekWeek(new Date("2026-12-31T12:00:00.000Z"))).toMatchObject({ firstDay: "2026-12-28", lastDay: "2027-01-03" });
  });
});

describe("waiting for a first answer", () => {
  it("counts five whole days back from now", () => {
    const now = new Date("2026-12-09T06:00:00.000Z");
    expect(waitingCutoff(now)).toBe("2026-12-04T06:00:00.000Z");
    expect(daysWaiting("2026-12-03T06:00:00.000Z", now)).toBe(6);
    expect(daysWaiting("2026-12-04T06:00:01.000Z", now)).toBe(4);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([10, 2, 4, 1])).toBe(3);
  });
});

describe("timeToHire", () => {
  const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
  // Five applications made on 1 November at 00:00 UTC (hand-computed spans in days):
  //   first answer after 1, 2, 4 and 10 days (one never answered)            → median (2 + 4) / 2 = 3
  //   interview stage after 3, 6.5 and 20 days                                → median 6.5
  //   hired after 30 and 12 days (two: fewer than three)                      → not enough data
  const histories: HireHistory[] = [
    { appliedAt: at(1), answeredAt: at(2), interviewAt: at(4), hiredAt: at(31) },
    { appliedAt: at(1), answeredAt: at(3), interviewAt: at(7, 12), hiredAt: at(13) },
    { appliedAt: at(1), answeredAt: at(5), interviewAt: at(21), hiredAt: null },
    { appliedAt: at(1), answeredAt: at(11), interviewAt: null, hiredAt: null },
    { appliedAt: at(1), answeredAt: null, interviewAt: null, hiredAt: null },
  ];

  it("gives each median in days with the number of applications it is made of", () => {
    expect(timeToHire(histories)).toEqual({
      firstAnswer: { days: 3, n: 4 },
      interview: { days: 6.5, n: 3 },
      hire: { days: null, n: 2 },
    });
  });

  it("says 'not enough data' (null) below the minimum sample, and for none at all", () => {
    expect(timeToHire(histories, 2).hire).toEqual({ days: 21, n: 2 });
    expect(timeToHire([])).toEqual({ firstAnswer: { days: null, n: 0 }, interview: { days: null, n: 0 }, hire: { days: null, n: 0 } });
  });

  it("rounds to one decimal and never counts a negative span", () => {
    const odd: HireHistory[] = [
      { appliedAt: at(1), answeredAt: at(1, 8), interviewAt: null, hiredAt: null }, // 1/3 day
      { appliedAt: at(1), answeredAt: at(1, 8), interviewAt: null, hiredAt: null },
      { appliedAt: at(2), answeredAt: at(1), interviewAt: null, hiredAt: null }, // clock skew: 0
    ];
    expect(timeToHire(odd).firstAnswer).toEqual({ days: 0.3, n: 3 });
  });
});

describe("timeToHirePeriod", () => {
  it("starts 365 days before today in Bishkek, at that day's Bishkek midnight", () => {
    expect(timeToHirePeriod(new Date("2026-12-09T06:00:00.000Z"))).toEqual({ firstDay: "2025-12-09", from: "2025-12-08T18:00:00.000Z" });
  });
});
