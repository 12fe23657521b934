// Bundles app/server/main.ts (the Express entry) next to the Remix build as build/server.js.
import { build } from "esbuild";

await build({
  entryPoints: ["app/server/main.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
