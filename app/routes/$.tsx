import { notFound } from "~/utils/http.server";

// Any address no other route claims: the 404 page, in the reader's language.
export async function loader() {
  notFound();
}

export async function action() {
  notFound();
}

export default function NotFound() {
  return null;
}
