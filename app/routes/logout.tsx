import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/auth/session.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";

// Signing out changes state, so it is a POST (the header's button); a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cleared = await endSession(request);
  return redirect("/", { headers: cookieHeaders(cleared, setFlash("flash.signedOut")) });
}
