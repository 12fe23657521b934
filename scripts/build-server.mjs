// Bundles app/server/main.ts (the Express entry) next to the Remix build as build/portal.js,
// and app/server/start.ts as build/server.js: the launcher that sets production mode before the
// portal's modules (React among them) load; and app/server/smtp-thread.ts as build/smtp-thread.js,
// the thread that builds and sends e-mails (docs/decisions/051-outbox.md).
import { build } from "esbuild";

await build({
  entryPoints: ["app/server/start.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});

await build({
  entryPoints: ["app/server/main.ts"],
  outfile: "build/portal.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});

await build({
  entryPoints: ["app/server/smtp-thread.ts"],
  outfile: "build/smtp-thread.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
