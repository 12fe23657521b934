// An answer that must not tell by its timing what happened (docs/decisions/054-self-service-password-reset.md):
// it waits until a fixed time after the request began, whatever work was done.
import { setTimeout as sleep } from "node:timers/promises";

/** Resolves no sooner than `floorMs` after `startedAt` (a performance.now() reading). */
export async function answerNoSoonerThan(startedAt: number, floorMs: number): Promise<void> {
  const left = startedAt + floorMs - performance.now();
  if (left > 0) await sleep(left);
}
