// Thrown responses for the error boundaries: the component only handles the happy path.
import { data } from "@remix-run/node";

export function forbidden(): never {
  throw data({ reason: "forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw data({ reason: "not-found" }, { status: 404 });
}

export function badRequest(): never {
  throw data({ reason: "bad-request" }, { status: 400 });
}

/** Parses a positive integer route parameter or answers 404 (an id like "abc" names nothing). */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,12}$/.test(value)) notFound();
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
