// A static map, not a folder scan: the server build is bundled, so files are not there at run time.
import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};
