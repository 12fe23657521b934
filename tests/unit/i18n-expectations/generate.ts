// Writes expectations.json from the current catalogs. Review the diff line by line before committing.
import { writeFileSync } from "node:fs";
import { renderAll } from "./render";

writeFileSync(new URL("./expectations.json", import.meta.url), `${JSON.stringify(renderAll(), null, 1)}\n`);
