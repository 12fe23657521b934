// A static map, not a folder scan: the server build is bundled, so files are not there at run time.
import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_graduate_profiles";
import * as m0003 from "./0003_employers";
import * as m0005 from "./0005_outcomes";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_graduate_profiles": m0002,
  "0003_employers": m0003,
  "0005_outcomes": m0005,
};
