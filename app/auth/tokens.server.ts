import crypto from "node:crypto";

/** A random URL-safe secret (session cookies, reset links). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/** Secrets are stored only as their SHA-256, so a copy of the database cannot be replayed. */
export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L: codes are read aloud and typed on phones

/** An invitation code such as KG-7F3K-92QD: short enough to dictate, ~40 bits of randomness. */
export function invitationCode(): string {
  const pick = () => {
    let s = "";
    for (let i = 0; i < 4; i++) s += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
    return s;
  };
  return `KG-${pick()}-${pick()}`;
}

export function normalizeInvitationCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = compact.startsWith("KG") ? compact.slice(2) : compact;
  return body.length === 8 ? `KG-${body.slice(0, 4)}-${body.slice(4)}` : input.trim().toUpperCase();
}
