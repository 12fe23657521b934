// Whether the server is answering pages now (docs/decisions/051-outbox.md, "Session 11"): the outbox
// worker delivers at full speed while nobody asks for a page and at its paced rate otherwise, so
// a delivery run takes as little as it can from the pages on a 2-core machine.
import type { NextFunction, Request, Response } from "express";

/** A request seen this recently still counts: pages come one after another, with gaps between them. */
export const QUIET_AFTER_MS = 1000;

export function pageActivity(clock: () => number = () => performance.now()) {
  let inFlight = 0;
  let lastEnded = -Infinity;
  return {
    track: (_req: Request, res: Response, next: NextFunction): void => {
      inFlight++;
      res.once("close", () => {
        inFlight--;
        lastEnded = clock();
      });
      next();
    },
    busy: (): boolean => inFlight > 0 || clock() - lastEnded < QUIET_AFTER_MS,
  };
}
