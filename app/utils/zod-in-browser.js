// What `import { z } from "zod"` gives in the BROWSER bundle only (package.json "browser" field;
// the server build, the tests and tsc use the real zod). Route modules build their form schemas at
// module level, and only their actions and loaders — which never reach the browser — use them; without
// this, every hydrated page downloaded zod (about 92 KB gzip). Why: docs/decisions/033-light-first-load.md.
// Building a schema here is inert; using one (parse, safeParse …) throws, so a client-side use fails loudly.
const USE = new Set(["parse", "safeParse", "parseAsync", "safeParseAsync", "spa", "decode", "encode", "safeDecode", "safeEncode"]);

function fail() {
  throw new Error("zod is server-only in this app: validate in the action or loader (docs/decisions/033-light-first-load.md)");
}

const inert = new Proxy(function schema() {}, {
  get(_target, prop) {
    if (typeof prop === "symbol") return undefined;
    return USE.has(prop) ? fail : inert;
  },
  apply() {
    return inert;
  },
});

export const z = inert;
export const ZodError = class ZodError extends Error {};
export default inert;
