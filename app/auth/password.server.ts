// scrypt (memory-hard, built into Node) so no native hashing library is needed.
// Stored as scrypt$<log2 N>$<r>$<p>$<salt>$<hash>, so parameters can be raised later.
import crypto from "node:crypto";

// N = 2^15, r = 8 → 32 MiB per hash: memory-hard yet affordable on a 2-core server under sign-in load.
const LOG_N = 15;
// Tests run in process by vitest (NODE_ENV=test) hash new passwords with N = 2^10: a 2^15 hash costs
// 0.1–0.2 s of CPU and those tests make hundreds of accounts. The built server always runs with
// NODE_ENV=production (app/server/start.ts), so every real server, those under test included, uses
// LOG_N. A stored hash names its own cost, so either kind verifies. docs/decisions/035-test-suite-speed.md
const TEST_LOG_N = 10;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const N = 2 ** logN;
    crypto.scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const logN = process.env.NODE_ENV === "test" ? TEST_LOG_N : LOG_N;
  const hash = await scrypt(password, salt, logN, R, P);
  return ["scrypt", logN, R, P, salt.toString("base64"), hash.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, logN, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A hash of a random password, verified against when the account does not exist, so timing does not reveal it. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  return decoy;
}
