// Passwords are hashed at the production cost everywhere but in the in-process tests
// (app/auth/password.server.ts; docs/decisions/035-test-suite-speed.md), and a hash of either
// cost verifies, since it names its own parameters.
import { afterEach, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/auth/password.server";

const asked = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = asked;
});

describe("password hashing cost", () => {
  it("hashes with scrypt N = 2^15, r = 8, p = 1 outside the test runner (the built server always runs as production)", async () => {
    process.env.NODE_ENV = "production";
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    process.env.NODE_ENV = "development";
    expect(await hashPassword("x")).toMatch(/^scrypt\$15\$8\$1\$/);
  });

  it("hashes with N = 2^10 in vitest's own process only, and such a hash still verifies", async () => {
    process.env.NODE_ENV = "test";
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong", hash)).toBe(false);
  });
});
