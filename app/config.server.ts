// process.env validated once, with safe defaults (DESIGN §12).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_PATH: z.string().min(1).optional(),
  UPLOAD_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  // Set when the app runs behind a reverse proxy, so client addresses and https are read from it.
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
});

export type Config = {
  port: number;
  dataDir: string;
  databasePath: string;
  uploadDir: string;
  sessionSecret: string;
  seedDemo: boolean;
  trustProxy: boolean;
};

let cached: Config | undefined;

/** Where the generated session secret is kept (backup and restore carry it: db/backup.ts). */
export const sessionSecretPath = (dataDir: string) => path.join(dataDir, "session-secret");

/** The session secret is generated once and kept in the data folder when SESSION_SECRET is unset. */
function sessionSecretFrom(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = sessionSecretPath(dataDir);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (VAR= in a shell or a .env file).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    dataDir,
    databasePath: path.resolve(e.DATABASE_PATH ?? path.join(dataDir, "portal.sqlite")),
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, "uploads")),
    sessionSecret: sessionSecretFrom(dataDir, e.SESSION_SECRET),
    seedDemo: e.SEED_DEMO === "1",
    trustProxy: e.TRUST_PROXY === "1",
  };
}

export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
