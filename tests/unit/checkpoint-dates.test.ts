import { describe, expect, it } from "vitest";
import { addMonths, checkpointDate, checkpointOn, followUpCheckpoint, hireCheckpoint } from "~/domain/outcomes/checkpoint-dates";

describe("checkpoint dates", () => {
  it("adds calendar months and clamps to the end of a shorter month", () => {
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29"); // leap year
    expect(addMonths("2025-06-30", 6)).toBe("2025-12-30");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2025-03-31", 1)).toBe("2025-04-30");
    expect(addMonths("2025-11-15", 2)).toBe("2026-01-15");
    expect(addMonths("2025-06-30", 36)).toBe("2028-06-30");
    expect(addMonths("2025-06-30", 0)).toBe("2025-06-30");
    expect(addMonths("2026-02-28", -6)).toBe("2025-08-28");
  });

  it("dates each checkpoint from the graduation date", () => {
    expect(checkpointDate("2025-08-31", "graduation")).toBe("2025-08-31");
    expect(checkpointDate("2025-08-31", "m6")).toBe("2026-02-28");
    expect(checkpointDate("2025-08-31", "m12")).toBe("2026-08-31");
    expect(checkpointDate("2024-02-29", "m12")).toBe("2025-02-28");
    expect(checkpointDate("2025-08-31", "m36")).toBe("2028-08-31");
  });

  it("puts a hire at the first checkpoint on or after its start date, never an earlier one (as-of rule)", () => {
    expect(hireCheckpoint("2025-06-30", "2025-05-01")).toBe("graduation");
    expect(hireCheckpoint("2025-06-30", "2025-06-30")).toBe("graduation");
    expect(hireCheckpoint("2025-06-30", "2025-07-01")).toBe("m6");
    expect(hireCheckpoint("2025-06-30", "2025-12-30")).toBe("m6");
    expect(hireCheckpoint("2025-06-30", "2025-12-31")).toBe("m12");
    expect(hireCheckpoint("2024-06-30", "2027-01-10")).toBe("m36");
    expect(hireCheckpoint("2024-06-30", "2027-07-01")).toBeNull();
  });

  it("puts a start date at the latest checkpoint reached, or graduation when it is earlier", () => {
    expect(checkpointOn("2025-06-30", "2025-05-01")).toEqual({ checkpoint: "graduation", beforeGraduation: true });
    expect(checkpointOn("2025-06-30", "2025-06-30")).toEqual({ checkpoint: "graduation", beforeGraduation: false });
    expect(checkpointOn("2025-06-30", "2025-12-29")).toEqual({ checkpoint: "graduation", beforeGraduation: false });
    expect(checkpointOn("2025-06-30", "2025-12-30")).toEqual({ checkpoint: "m6", beforeGraduation: false });
    expect(checkpointOn("2025-06-30", "2026-07-01")).toEqual({ checkpoint: "m12", beforeGraduation: false });
    expect(checkpointOn("2020-06-30", "2026-01-01")).toEqual({ checkpoint: "m36", beforeGraduation: false });
  });

  it("says which checkpoint to follow up: due for 30 days, then overdue until the next one", () => {
    expect(followUpCheckpoint("2026-06-30", "2026-06-29")).toBeNull();
    expect(followUpCheckpoint("2026-06-30", "2026-06-30")).toEqual({ checkpoint: "graduation", date: "2026-06-30", state: "due" });
    expect(followUpCheckpoint("2026-06-30", "2026-07-30")).toMatchObject({ checkpoint: "graduation", state: "due" });
    expect(followUpCheckpoint("2026-06-30", "2026-07-31")).toMatchObject({ checkpoint: "graduation", state: "overdue" });
    expect(followUpCheckpoint("2025-08-31", "2026-03-01")).toEqual({ checkpoint: "m6", date: "2026-02-28", state: "due" });
    expect(followUpCheckpoint("2025-06-30", "2026-11-30")).toMatchObject({ checkpoint: "m12", state: "overdue" });
    // +36 months is optional: not chased.
    expect(followUpCheckpoint("2020-06-30", "2026-11-30")).toBeNull();
  });
});
