// A campaign's survey links (docs/decisions/055-survey-campaigns.md): the token is derived from the
// link's row id with a key from the session secret, so neither the database nor the outbox ever
// holds a usable link — survey_links keeps the token's hash, the outbox a placeholder
// (`/survey/@<id>`) that the worker turns into the link only when it sends. The reminder rebuilds the
// same link the same way.
import crypto from "node:crypto";
import { config } from "~/config.server";

function key(secret: string): Buffer {
  return crypto.createHmac("sha256", secret).update("campaign-survey-link/v1").digest();
}

export function campaignSurveyToken(linkId: number, secret: string = config().sessionSecret): string {
  return crypto.createHmac("sha256", key(secret)).update(String(linkId)).digest("base64url");
}

/** What the outbox keeps for a campaign's survey link: the link's id, not its token. */
export function campaignSurveyPlaceholder(linkId: number, locale: string | null): string {
  return `/survey/@${linkId}${locale ? `?lng=${locale}` : ""}`;
}

/** A message's link as sent: a campaign placeholder becomes the real link; any other link is itself. */
export function linkAsSent(link: string | null, secret: string = config().sessionSecret): string | null {
  const m = link ? /^\/survey\/@(\d{1,12})(\?.*)?$/.exec(link) : null;
  return m ? `/survey/${campaignSurveyToken(Number(m[1]), secret)}${m[2] ?? ""}` : link;
}
