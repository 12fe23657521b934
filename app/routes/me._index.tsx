import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireGraduate } from "~/auth/guards.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGraduate(request);
  return redirect("/me/profile");
}
