// Configuration read at start (app/config.server.ts): PUBLIC_URL and when demo data may be seeded.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isLoopbackOrigin, loadConfig } from "~/config.server";

const base = { SESSION_SECRET: "x".repeat(40), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "portal-config-")) };

describe("PUBLIC_URL", () => {
  it("defaults to http://localhost:PORT and is kept as a bare origin", () => {
    expect(loadConfig({ ...base }).publicUrl).toBe("http://localhost:3000");
    expect(loadConfig({ ...base, PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ ...base, PUBLIC_URL: "https://Careers.Example.KG/" }).publicUrl).toBe("https://careers.example.kg");
    expect(loadConfig({ ...base, PUBLIC_URL: "" }).publicUrl).toBe("http://localhost:3000");
  });

  it.each([
    ["careers.example.kg", /not a URL/],
    ["ftp://careers.example.kg", /http:\/\/ or https:\/\//],
    ["https://careers.example.kg/portal", /origin only/],
    ["https://careers.example.kg/?a=1", /origin only/],
    ["https://careers.example.kg/#top", /origin only/],
    ["https://user:pw@careers.example.kg", /user name or password/],
  ])("refuses %s with a message naming PUBLIC_URL", (value, message) => {
    expect(() => loadConfig({ ...base, PUBLIC_URL: value })).toThrow(message);
    expect(() => loadConfig({ ...base, PUBLIC_URL: value })).toThrow(/Invalid environment:\nPUBLIC_URL/);
  });

  it("knows a loopback address from a public one", () => {
    for (const origin of ["http://localhost:3000", "http://127.0.0.1", "http://127.1.2.3:80", "http://[::1]:3000", "http://app.localhost"])
      expect(isLoopbackOrigin(origin), origin).toBe(true);
    for (const origin of [
      "https://careers.example.kg",
      "http://10.0.0.5",
      "http://192.168.1.10:3000",
      "http://localhost.example.kg",
      "http://127.0.0.1.nip.io",
    ])
      expect(isLoopbackOrigin(origin), origin).toBe(false);
  });
});

describe("SEED_DEMO", () => {
  it("unset: demo data only on a loopback address; 1 asks for it anywhere; 0 never", () => {
    expect(loadConfig({ ...base }).seedDemo).toBe(true);
    expect(loadConfig({ ...base, PUBLIC_URL: "https://careers.example.kg" }).seedDemo).toBe(false);
    const asked = loadConfig({ ...base, PUBLIC_URL: "https://careers.example.kg", SEED_DEMO: "1" });
    expect([asked.seedDemo, asked.seedDemoExplicit]).toEqual([true, true]);
    expect(loadConfig({ ...base, SEED_DEMO: "0" }).seedDemo).toBe(false);
    expect(loadConfig({ ...base }).seedDemoExplicit).toBe(false);
  });
});

describe("the code", () => {
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

  it("builds no absolute link from the request's address (Host / X-Forwarded-Host): publicOrigin() only", () => {
    const offenders: string[] = [];
    for (const file of [...files("app"), ...files("db")]) {
      if (file.split(path.sep).join("/") === "app/config.server.ts") continue; // where PUBLIC_URL itself is parsed
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          // A link written from a request's origin (`${url.origin}/…`), or the origin read off request.url; comparing origins (CSRF, redirects) is fine.
          if (/request\.url\)\.(origin|host)\b|\$\{\s*\w+\.(origin|host)\s*\}\/|get\(["']x-forwarded-host["']\)/i.test(line))
            offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
