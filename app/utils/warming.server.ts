// Loading in-memory views in the background (docs/decisions/070-start-in-seconds.md): in steps, for
// app/models/matching-index.server.ts and app/models/outcome-facts.server.ts (per process, at start);
// whole per database handle at first use, for app/models/directory-view.server.ts and
// app/models/follow-up-view.server.ts; and the text rankings of app/models/text-hits-cache.server.ts.
import type { DB } from "@db/connection";

/**
 * A whole load of a view in steps (docs/decisions/070-start-in-seconds.md): the background runs one
 * step per turn of the event loop, so requests are answered between steps; `finishWarming` runs the
 * rest at once for a caller that cannot wait. `done` resolves (never rejects) when the load is over.
 */
export type Warming = { steps: Iterator<void>; done: Promise<void>; settle: () => void };

/** Runs `steps` in the background; `settled` runs once, after the last step (or a failed one). */
export function inBackground(steps: Iterator<void>, settled: () => void): Warming {
  let over = false;
  const settle = () => {
    if (over) return;
    over = true;
    settled();
  };
  const done = (async () => {
    try {
      while (!over) {
        await new Promise((resolve) => setImmediate(resolve));
        if (over || steps.next().done) break;
      }
    } catch {
      // The connection was closed meanwhile (a stopping server, a test): the next use loads synchronously.
    }
    settle();
  })();
  return { steps, done, settle };
}

/** Runs what is left of a background load now, for a synchronous caller (the view is then exact at once). */
export function finishWarming(warming: Warming): void {
  try {
    while (!warming.steps.next().done);
  } finally {
    warming.settle();
  }
}

// Work for one database handle run after the current response (the directory's and the follow-up
// list's views, the text rankings): at most one job per key at a time, and one call that waits for
// them all (tests and the bench time pages as a server serves them once its views are loaded).
const running = new WeakMap<DB, Map<unknown, Promise<void>>>();

/**
 * Runs `work` after this turn of the event loop, unless work of the same `key` for this database is
 * running already. A failure is dropped: the connection may be closed meanwhile, and the next use
 * starts the work again.
 */
export function inBackgroundOnce(db: DB, key: unknown, work: () => Promise<unknown>): void {
  let jobs = running.get(db);
  if (!jobs) running.set(db, (jobs = new Map<unknown, Promise<void>>()));
  if (jobs.has(key)) return;
  const job = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => jobs.delete(key));
  jobs.set(key, job);
}

/** Resolves when every background job of this database has finished, those they started included (tests and the bench). */
export async function viewsSettled(db: DB): Promise<void> {
  const jobs = running.get(db);
  while (jobs?.size) await Promise.all(jobs.values());
}

/**
 * A view of a database handle loaded whole in the background (docs/decisions/048, Session 10;
 * 071): `get` answers the loaded view, or undefined after starting a load (the caller runs its SQL
 * meanwhile); `reload` drops the view and starts a load (the change log was pruned past it, or
 * holds too much to catch up).
 */
export function backgroundView<V>(load: (db: DB) => Promise<V>): { get: (db: DB) => V | undefined; reload: (db: DB) => void } {
  const views = new WeakMap<DB, V>();
  const start = (db: DB) => inBackgroundOnce(db, views, async () => void views.set(db, await load(db)));
  return {
    get: (db) => {
      const view = views.get(db);
      if (!view) start(db);
      return view;
    },
    reload: (db) => {
      views.delete(db);
      start(db);
    },
  };
}
