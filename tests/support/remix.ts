// Calls route loaders and actions the way Remix does, and reads what they answered
// (returned or thrown; a Response, a redirect or single-fetch data()).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

export type Outcome = { status: number; headers: Headers; data: unknown; location: string | null };

function isDataWithInit(x: unknown): x is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof x === "object" && x !== null && (x as { type?: unknown }).type === "DataWithResponseInit";
}

async function toOutcome(value: unknown): Promise<Outcome> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get("Location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, headers, data: value.data, location: headers.get("Location") };
  }
  return { status: 200, headers: new Headers(), data: value, location: null };
}

export async function call(handler: Handler | undefined, request: Request, params: Record<string, string> = {}, clientAddress = "127.0.0.1"): Promise<Outcome> {
  if (!handler) throw new Error("route has no such handler");
  try {
    return await toOutcome(await handler({ request, params, context: { clientAddress, cspNonce: "" } }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toOutcome(thrown);
    throw thrown;
  }
}

export function get(path: string, options: { cookie?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`http://localhost${path}`, { headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers } });
}

export function post(
  path: string,
  fields: Record<string, string> | [string, string][],
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  });
}

/** The "name=value" part of a Set-Cookie for the given cookie name. */
export function cookieFrom(headers: Headers, name = "__session"): string | null {
  for (const line of headers.getSetCookie()) {
    if (line.startsWith(`${name}=`)) return line.split(";")[0]!;
  }
  return null;
}
