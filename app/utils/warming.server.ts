// Loading an in-memory view in steps (docs/decisions/070-start-in-seconds.md), used by
// app/models/matching-index.server.ts and app/models/outcome-facts.server.ts.
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
