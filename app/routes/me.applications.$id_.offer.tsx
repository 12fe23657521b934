// The graduate's answer to an offer (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md):
// accept it before the end of its answer-by day (the hire) or decline it with a reason. Posted from
// the card on their application page; a refused step renders this page with the message and what was typed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useFormFailure } from "~/components/form";
import { GraduateOfferCard, GraduateStepHeading } from "~/components/interview-slots";
import { getDb } from "~/db.server";
import { NOTE_MAX } from "~/domain/applications/pipeline";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { acceptOffer, declineOffer, offerForGraduate } from "~/models/offers.server";
import { answerOfferStep, graduateStepApplication, graduateStepPost } from "~/utils/interview-answer.server";
import { optionalText } from "~/utils/fields";
import { parseForm, rejected } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const DeclineSchema = z.object({ intent: z.literal("decline"), reason: optionalText(NOTE_MAX) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const { id, application } = await graduateStepApplication(graduate.id, params.id);
  return { application, offer: await offerForGraduate(getDb(), graduate.id, id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, graduate } = await requireGraduate(request);
  const { id, form, back } = await graduateStepPost(request, params.id);
  const intent = form.get("intent");
  if (intent === "accept") return answerOfferStep(await acceptOffer(getDb(), graduate.id, id, user.id), form, back, "flash.offerAccepted");
  if (intent === "decline") {
    const parsed = parseForm(DeclineSchema, form);
    if (!parsed.ok) return rejected(parsed);
    return answerOfferStep(await declineOffer(getDb(), graduate.id, id, parsed.data.reason, user.id), form, back, "flash.offerDeclined");
  }
  badRequest();
}

export const meta = titleMeta("offers.title", { private: true });

export default function MyOfferPage() {
  const { t } = useT();
  const { application, offer } = useLoaderData<typeof loader>();
  const failure = useFormFailure();
  const shown = offer && application.status === "offer" && offer.status === "open";
  return (
    <section className="narrow stack">
      <GraduateStepHeading application={application} />
      {shown ? (
        <GraduateOfferCard applicationId={application.id} status={application.status} offer={offer} failure={failure} />
      ) : (
        <p className="notice">{t("offers.errors.changed")}</p>
      )}
    </section>
  );
}
