// The "event key" of a message (docs/decisions/051-outbox.md, 057-one-way-to-tell.md): what made it,
// unique for the kind and person, so a replayed event never writes a second outbox row. Pure.

/**
 * The key of a staff decision that has no event row of its own (a company verified, a vacancy
 * approved): the thing's id and the decision's time. A repeated click decides nothing new (the
 * status check stops it), and a later decision on the same thing has another time.
 */
export function decisionKey(id: number, atIso: string): string {
  return `${id}-${Date.parse(atIso)}`;
}

/** One saved search's check run: one message per search per run, whatever the number of hits. */
export function savedSearchRunKey(searchId: number, runAtIso: string): string {
  return `${searchId}-${Date.parse(runAtIso)}`;
}
