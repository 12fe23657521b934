// The type check and the lint in one process (`npm test` runs it beside the build and the tests;
// docs/decisions/041-linter-and-formatter.md): one TypeScript program is built from tsconfig.json
// and serves both `tsc --noEmit`'s diagnostics and ESLint's type-aware rules, instead of each
// building and checking the whole program again (about a minute of CPU on a 2-core machine).
// Prints "type check passed|failed" and "lint passed|failed".
import { ESLint } from "eslint";
import { spawnSync } from "node:child_process";
import ts from "typescript";

const root = process.cwd();
const configPath = ts.findConfigFile(root, ts.sys.fileExists, "tsconfig.json");
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(d.messageText) });
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });

// The diagnostics first, as tsc orders its work: the types TypeScript infers for plain JavaScript
// (allowJs) can depend on what was checked before, and ESLint's rules ask for types in another order.
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
  process.stdout.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
}
console.log(diagnostics.length === 0 ? "type check passed" : `type check failed (${diagnostics.length} errors)`);

const eslint = new ESLint({
  overrideConfig: [
    {
      // TypeScript files take their types from the shared program; plain JavaScript keeps disableTypeChecked (eslint.config.js).
      files: ["**/*.ts", "**/*.tsx"],
      languageOptions: { parserOptions: { programs: [program], projectService: false } },
    },
  ],
});
const files = await eslint.lintFiles(["."]).catch((error) => error);
let lintStatus = 0;
if (files instanceof Error) {
  console.error(files.message);
  lintStatus = 1;
} else {
  const formatter = await eslint.loadFormatter("stylish");
  const text = await formatter.format(files);
  if (text) process.stdout.write(text);
  const problems = files.reduce((n, f) => n + f.errorCount + f.warningCount, 0);
  if (problems > 0) console.log(`ESLint: ${problems} problems`);
  lintStatus = problems > 0 ? 1 : 0;
}

// --cache (in node_modules/.cache/prettier): a file whose content, Prettier version and options all match
// a past passing check is not formatted again (about 27 of Prettier's 29 s of CPU when little changed;
// a fresh clone checks everything). "content", not file times: a checkout or a copy changes the times.
const prettier = spawnSync(
  process.execPath,
  ["node_modules/prettier/bin/prettier.cjs", "--check", ".", "--log-level", "warn", "--cache", "--cache-strategy", "content"],
  { stdio: "inherit" },
);
if (prettier.status !== 0) {
  console.log("Prettier: files not formatted (npm run format)");
  lintStatus = 1;
}
console.log(lintStatus === 0 ? "lint passed" : "lint failed");
// Exit status: 1 = the type check failed, 2 = the lint failed, 3 = both (scripts/run-tests.mjs counts each as a failure).
process.exit((diagnostics.length > 0 ? 1 : 0) + (lintStatus !== 0 ? 2 : 0));
