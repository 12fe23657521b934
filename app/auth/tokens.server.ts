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

/**
 * An invitation code such as KG-7F3K-92QD-M4XP: three groups of four to dictate, 12 characters of a
 * 31-letter alphabet, about 59 bits — guessing one among 100,000 live codes at the throttle's most
 * (20 wrong codes per address in 15 minutes) from 100,000 addresses takes about a century
 * (docs/decisions/078-harden.md). Codes of two groups (about 40 bits) made before remain valid;
 * wrong codes of their shape are throttled for everyone together (joinCodeCounters).
 */
export const INVITATION_CODE_GROUPS = 3;

export function invitationCode(): string {
  const pick = () => {
    let s = "";
    for (let i = 0; i < 4; i++) s += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
    return s;
  };
  return `KG-${Array.from({ length: INVITATION_CODE_GROUPS }, pick).join("-")}`;
}

/** Whether a typed code has the shape of a two-group code (before decision 078): those are guessable enough to throttle for all addresses together. */
export function isShortInvitationCode(normalized: string): boolean {
  return /^KG-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(normalized);
}

export function normalizeInvitationCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = compact.startsWith("KG") ? compact.slice(2) : compact;
  if (body.length === 8 || body.length === 12) return `KG-${body.match(/.{4}/g)!.join("-")}`;
  return input.trim().toUpperCase();
}
