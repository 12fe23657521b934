// The graduate's answer to an interview (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md):
// pick one of the proposed slots, ask for another time with a message, or cancel with a reason.
// Posted from the card on their application page; a refused step renders this page with the error
// beside the field and what was typed (360 px, JavaScript off).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useFormFailure } from "~/components/form";
import { GraduateInterviewCard, GraduateStepHeading } from "~/components/interview-slots";
import { getDb } from "~/db.server";
import { SLOT_RULES } from "~/domain/applications/interview-slots";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { askAnotherTime, cancelInterview, graduateInterviewView, pickSlot } from "~/models/interviews.server";
import { answerInterviewStep, graduateStepApplication, graduateStepPost } from "~/utils/interview-answer.server";
import { positiveId, requiredText } from "~/utils/fields";
import { parseForm, rejected } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const PickSchema = z.object({ intent: z.literal("pick"), slot: positiveId });
const AnotherTimeSchema = z.object({ intent: z.literal("another-time"), message: requiredText(SLOT_RULES.reasonMax) });
const CancelSchema = z.object({ intent: z.literal("cancel"), reason: requiredText(SLOT_RULES.reasonMax) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const { id, application } = await graduateStepApplication(graduate.id, params.id);
  return { application, interview: await graduateInterviewView(getDb(), graduate.id, id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, graduate } = await requireGraduate(request);
  const { id, form, back } = await graduateStepPost(request, params.id);
  switch (form.get("intent")) {
    case "pick": {
      const parsed = parseForm(PickSchema, form);
      if (!parsed.ok) return rejected({ ...parsed, errors: { slot: "interviews.errors.slot" } });
      return answerInterviewStep(await pickSlot(getDb(), graduate.id, id, parsed.data.slot, user.id), form, back, "flash.interviewPicked", "slot");
    }
    case "another-time": {
      const parsed = parseForm(AnotherTimeSchema, form);
      if (!parsed.ok) return rejected(parsed);
      return answerInterviewStep(await askAnotherTime(getDb(), graduate.id, id, parsed.data.message, user.id), form, back, "flash.interviewAnotherTime");
    }
    case "cancel": {
      const parsed = parseForm(CancelSchema, form);
      if (!parsed.ok) return rejected(parsed);
      return answerInterviewStep(
        await cancelInterview(getDb(), { graduateId: graduate.id }, id, parsed.data.reason, user.id),
        form,
        back,
        "flash.interviewCancelled",
      );
    }
    default:
      badRequest();
  }
}

export const meta = titleMeta("applications.interview", { private: true });

export default function MyInterviewPage() {
  const { t } = useT();
  const { application, interview } = useLoaderData<typeof loader>();
  const failure = useFormFailure();
  return (
    <section className="narrow stack">
      <GraduateStepHeading application={application} />
      {interview && application.status === "interview" ? (
        <GraduateInterviewCard
          applicationId={application.id}
          company={application.company}
          status={application.status}
          interview={interview}
          failure={failure}
        />
      ) : (
        <p className="notice">{t("interviews.errors.changed")}</p>
      )}
    </section>
  );
}
