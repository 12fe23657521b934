// Messages are written in the recipient's language (docs/product.md §13): the outbox worker reads it
// from the account (users.locale). A graduate who joins records the language of the page they joined
// on; nothing else had set it, so every e-mail went out in the default language (Kyrgyz).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as join from "~/routes/join";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeInvitation, makeUser } from "../support/factories";
import { call, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => closeTestDatabases());

const fields = (code: string, email: string) => ({ code, email, password: "my-own-password", passwordRepeat: "my-own-password" });
const localeOf = async (email: string) => (await c.db.selectFrom("users").select("locale").where("email", "=", email).executeTakeFirstOrThrow()).locale;

describe("the account's language for messages", () => {
  it.each([
    ["?lng=en on the form's address", "/join?lng=en", {}, "en"],
    ["the language cookie", "/join", { Cookie: "lng=ru" }, "ru"],
    ["Accept-Language alone", "/join", { "Accept-Language": "ru-RU,ru;q=0.9" }, "ru"],
    ["nothing said: the portal's default", "/join", {}, "ky"],
  ] as const)("a graduate who joins keeps the page's language (%s)", async (_how, path, headers, expected) => {
    const staff = await makeUser(c, "staff");
    const { code } = await makeInvitation(c, staff.id);
    const email = `joined-${expected}-${Math.random().toString(36).slice(2, 8)}@mail.kg`;
    expect((await call(join.action, post(path, fields(code, email), { headers }))).status).toBe(302);
    expect(await localeOf(email)).toBe(expected);
  });
});
