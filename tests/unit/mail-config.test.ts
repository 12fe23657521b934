// SMTP_URL and MAIL_FROM are checked when the server starts (docs/decisions/051-outbox.md): a bad
// value stops the start with a line that names the variable; neither set means no e-mail channel.
import { describe, expect, it } from "vitest";
import { loadConfig } from "~/config.server";

const base = { DATA_DIR: "/tmp/portal-config-test", SESSION_SECRET: "x".repeat(40) };

describe("e-mail settings", () => {
  it("neither set: no channel; both set: the server and sender", () => {
    expect(loadConfig(base).smtp).toBeNull();
    expect(loadConfig({ ...base, SMTP_URL: "", MAIL_FROM: "" }).smtp).toBeNull();
    expect(loadConfig({ ...base, SMTP_URL: "smtps://user:pass@mail.example.kg:465", MAIL_FROM: "IT Cluster Careers <careers@example.kg>" }).smtp).toEqual({
      url: "smtps://user:pass@mail.example.kg:465",
      from: "IT Cluster Careers <careers@example.kg>",
    });
    expect(loadConfig({ ...base, SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "careers@example.kg" }).smtp?.from).toBe("careers@example.kg");
    expect(loadConfig(base).outboxLeaseMs).toBe(120_000);
  });

  it.each([
    [{ SMTP_URL: "smtp://mail.example.kg" }, /MAIL_FROM: required with SMTP_URL/],
    [{ MAIL_FROM: "careers@example.kg" }, /SMTP_URL: MAIL_FROM is set but SMTP_URL is not/],
    [{ SMTP_URL: "mail.example.kg:25", MAIL_FROM: "careers@example.kg" }, /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//],
    [{ SMTP_URL: "http://mail.example.kg", MAIL_FROM: "careers@example.kg" }, /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//],
    [{ SMTP_URL: "not a url", MAIL_FROM: "careers@example.kg" }, /SMTP_URL: not a URL/],
    [{ SMTP_URL: "smtp://mail.example.kg", MAIL_FROM: "careers" }, /MAIL_FROM: not an e-mail address/],
    [{ SMTP_URL: "smtp://mail.example.kg", MAIL_FROM: "Careers <careers@example.kg" }, /MAIL_FROM: not an e-mail address/],
    [{ OUTBOX_LEASE_SECONDS: "1" }, /OUTBOX_LEASE_SECONDS/],
  ])("refuses %j", (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
    expect(() => loadConfig({ ...base, ...env })).toThrow(/^Invalid environment:/);
  });

  it("never prints the SMTP password in its complaint", () => {
    expect(() => loadConfig({ ...base, SMTP_URL: "smtp://user:s3cret@mail.example.kg", MAIL_FROM: "nope" })).toThrow(/^(?![\s\S]*s3cret)/);
  });
});
