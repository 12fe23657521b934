// POST /employer/applications/:id/messages: the company writes to the candidate (text and an
// optional PDF) or reports the conversation to staff (docs/product.md §15,
// docs/decisions/060-notes-and-conversations.md). Success goes back to the application page; a
// rejected form is shown here with the message beside the field and the text kept; a GET goes to the
// application's conversation.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireCompanyMember } from "~/auth/guards.server";
import { ConversationFailurePage } from "~/components/conversation";
import { SectionErrorBoundary } from "~/components/section-error";
import { answerConversationGet, answerConversationPost } from "~/utils/conversation-answer.server";
import { idParam } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

// A GET goes to the application's conversation; the render after a rejected post keeps the form (answerConversationGet).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  return answerConversationGet(request, { side: "company", companyId: company.id }, id, `/employer/applications/${id}#conversation`);
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
