// An admin resets a staff or admin account's two-step sign-in (a lost phone): the secret, the recovery
// codes and the person's sessions go, audited as two-step.reset; they set it up again after signing in
// with the password (docs/product.md §8, docs/decisions/066-two-step-sign-in.md). POST only: a GET goes back to the list.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { resetTwoStep } from "~/models/two-step.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return redirect("/admin/staff");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== params.id) notFound();
  // Only staff and admin accounts: any other id answers 404, so ids reveal nothing.
  if (!(await resetTwoStep(getDb(), id, admin.id))) notFound();
  return redirect("/admin/staff", { headers: cookieHeaders(setFlash("twoStep.flash.reset")) });
}
