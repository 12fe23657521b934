// A graduate's outcome records grouped by checkpoint, each checkpoint with its date.
import { CHECKPOINTS, type Checkpoint } from "./codes";
import { checkpointDate } from "./checkpoint-dates";

/** The checkpoints of a graduate's cohort with their dates and records (current first). */
export function historyByCheckpoint<Row extends { checkpoint: Checkpoint }>(graduationDate: string, rows: Row[]) {
  return CHECKPOINTS.map((checkpoint) => ({
    checkpoint,
    date: checkpointDate(graduationDate, checkpoint),
    records: rows.filter((r) => r.checkpoint === checkpoint),
  }));
}
