// The files of public/ beside build/ (today the favicon), served as express.static would — but only
// for the paths that are files there. Mounted for every path, express.static asked the file system
// about each page's path (`stat public/vacancies` → ENOENT), on libuv's thread pool, where the
// commits' fsyncs also wait (db/durable-commit.ts): a thread-pool hop and an Error with its stack per
// request, 4–12 % of the main thread in the mixed load's profile (docs/decisions/073-load-budget.md,
// Session 14). public/ is build output and does not change while the server runs.
import fs from "node:fs";
import path from "node:path";
import express, { type RequestHandler } from "express";

/** Every file under `dir` as a URL path ("/favicon.svg"), skipping the folders named in `skip`. */
function filesUnder(dir: string, skip: ReadonlySet<string>, prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const urlPath = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return skip.has(urlPath) ? [] : filesUnder(path.join(dir, entry.name), skip, urlPath);
    return entry.isFile() ? [urlPath] : [];
  });
}

export function publicFiles(dir: string, options: { skip: string[]; maxAge: string }): RequestHandler {
  const files = new Set(filesUnder(dir, new Set(options.skip)));
  const serve = express.static(dir, { maxAge: options.maxAge });
  return (req, res, next) => {
    if (files.has(req.path)) void serve(req, res, next);
    else next();
  };
}
