// POST /employer/applications/:id/messages: the company writes to the candidate (text and an
// optional PDF) or reports the conversation to staff (docs/product.md §15,
// docs/decisions/060-notes-and-conversations.md). Success goes back to the application page; a
// rejected form is shown here with the message beside the field and the text kept; a GET shows the form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireCompanyMember } from "~/auth/guards.server";
import { ConversationFailurePage } from "~/components/conversation";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { reachesApplication } from "~/models/conversations.server";
import { answerConversationPost } from "~/utils/conversation-answer.server";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

// A GET (and the render after a rejected post, which runs the loader too) shows the form page; no redirect,
// or the rejected post's error and text would be lost.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  if (!(await reachesApplication(getDb(), { side: "company", companyId: company.id }, id))) notFound();
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  return answerConversationPost(request, { side: "company", companyId: company.id }, id, user.id, `/employer/applications/${id}#conversation`);
}

export const meta = titleMeta("conversations.title", { private: true });

export default function EmployerMessageFailurePage() {
  return <ConversationFailurePage side="company" />;
}

export const ErrorBoundary = SectionErrorBoundary;
