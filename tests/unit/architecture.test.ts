// The layout rules of docs/decisions/036-models-hold-queries.md, checked over the source with the
// TypeScript compiler API (syntax only, no type checker: the whole check takes about a second).
// 1. Every function a file under app/models/ exports takes the database first: a parameter whose
//    declared type is DB or Connection (from @db/connection), Kysely<…> or Transaction<…> (from
//    kysely), or the better-sqlite3 Database. Guards live in app/auth, pure rules in app/domain.
// 2. The imports under app/ and db/ form no cycle. Type-only imports count too: they are how a
//    reader follows the code, and a circle of them is the same tangle.
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse, sourceFiles } from "../support/source-files";

/** Module specifiers a file imports or re-exports (static and dynamic). */
function importsOf(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository-relative file an import names, or null for packages. Resolves "~/", "@db/" and relative paths. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join("app", specifier.slice(2));
  else if (specifier.startsWith("@db/")) base = path.join("db", specifier.slice(4));
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((c) => knownFiles().has(c)) ?? null;
}

let known: Set<string> | undefined;
function knownFiles(): Set<string> {
  known ??= new Set([...sourceFiles("app"), ...sourceFiles("db")]);
  return known;
}

/** Names a file imports from the modules that define the database handles. */
function databaseTypeNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause) continue;
    const wanted =
      from === "@db/connection" || from.endsWith("/connection")
        ? ["DB", "Connection"]
        : from === "kysely"
          ? ["Kysely", "Transaction"]
          : from === "better-sqlite3"
            ? ["Database", "default"]
            : [];
    if (wanted.length === 0) continue;
    // import SQLite from "better-sqlite3" → SQLite.Database; import type { Database } from "better-sqlite3".
    if (clause.name && from === "better-sqlite3") names.add(`${clause.name.text}.Database`);
    if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const el of clause.namedBindings.elements) {
        const imported = (el.propertyName ?? el.name).text;
        if (wanted.includes(imported)) names.add(el.name.text);
      }
    }
  }
  return names;
}

function takesDatabaseFirst(parameters: ts.NodeArray<ts.ParameterDeclaration>, dbTypes: Set<string>): boolean {
  const first = parameters[0];
  if (!first?.type || !ts.isTypeReferenceNode(first.type)) return false;
  return dbTypes.has(first.type.typeName.getText());
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** "file: name" for every exported function under app/models whose first parameter is not the database. */
function modelOffenders(): string[] {
  const offenders: string[] = [];
  for (const file of sourceFiles("app/models")) {
    const source = parse(file);
    const dbTypes = databaseTypeNames(source);
    for (const statement of source.statements) {
      if (!isExported(statement)) continue;
      if (ts.isFunctionDeclaration(statement)) {
        if (!takesDatabaseFirst(statement.parameters, dbTypes)) offenders.push(`${file}: ${statement.name?.text ?? "default"}`);
      } else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          const init = d.initializer;
          if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && !takesDatabaseFirst(init.parameters, dbTypes)) {
            offenders.push(`${file}: ${d.name.getText()}`);
          }
        }
      }
    }
  }
  return offenders;
}

/** Every import cycle under app/ and db/, each as "a → b → … → a", found by a depth-first search. */
function importCycles(): string[] {
  const files = [...knownFiles()];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(parse(file))
      .map((s) => resolveImport(file, s))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  const cycles = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") {
        const loop = stack.slice(stack.indexOf(next));
        // Report each cycle once, starting from its smallest file name.
        const start = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.add([...rotated, rotated[0]].join(" → "));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return [...cycles].sort();
}

describe("architecture (docs/decisions/036-models-hold-queries.md)", () => {
  it("every function exported from app/models takes the database as its first parameter", () => {
    expect(modelOffenders()).toEqual([]);
  });

  it("the imports under app/ and db/ have no cycle", () => {
    expect(importCycles()).toEqual([]);
  });

  it("the checks themselves catch what they are for", () => {
    // A guard taking a Request, and a pure rule, are flagged; a query taking DB is not.
    const probe = ts.createSourceFile(
      "probe.ts",
      'import type { DB } from "@db/connection";\nexport async function q(db: DB) {}\nexport function guard(request: Request) {}\nexport const rule = (x: number) => x;',
      ts.ScriptTarget.Latest,
      true,
    );
    const dbTypes = databaseTypeNames(probe);
    const flagged = probe.statements
      .filter((s) => isExported(s))
      .filter((s) =>
        ts.isFunctionDeclaration(s)
          ? !takesDatabaseFirst(s.parameters, dbTypes)
          : ts.isVariableStatement(s)
            ? s.declarationList.declarations.some(
                (d) => d.initializer && ts.isArrowFunction(d.initializer) && !takesDatabaseFirst(d.initializer.parameters, dbTypes),
              )
            : false,
      )
      .map((s) => (ts.isFunctionDeclaration(s) ? s.name!.text : (s as ts.VariableStatement).declarationList.declarations[0]!.name.getText()));
    expect(flagged).toEqual(["guard", "rule"]);
    expect(resolveImport("app/models/x.server.ts", "~/db.server")).toBe("app/db.server.ts");
    expect(resolveImport("app/models/x.server.ts", "@db/connection")).toBe("db/connection.ts");
  });
});
