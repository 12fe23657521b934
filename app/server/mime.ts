// An outbox e-mail as one MIME message in a Buffer (docs/decisions/051-outbox.md, "Session 11"):
// nodemailer's composer builds each message through a chain of streams, 0.7 ms of CPU a message,
// the largest part of a delivery's cost on a 2-core machine shared with the pages. Our messages have
// one shape (text + HTML, perhaps one .ics), so they are written here as strings; header words are
// encoded and folded by nodemailer's own functions. Anything outside that shape (a non-ASCII address)
// answers null and goes through nodemailer's composer as before.
import crypto from "node:crypto";
import { encodeWords, foldLines, quoteString } from "nodemailer/lib/mime-funcs";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  /** An interview's .ics (docs/decisions/056-interview-messages.md). */
  attachments?: { filename: string; content: string; contentType: string }[];
};

const CRLF = "\r\n";
/** Boundaries: random once a process, then counted (no random bytes drawn for every message). "_" never occurs in base64. */
const BOUNDARY_PREFIX = crypto.randomBytes(6).toString("hex");
let boundaries = 0;
const ASCII_ADDRESS = /^[\x21-\x7e]+@[\x21-\x7e]+$/;
/** A display name that needs neither quotes nor encoding (RFC 5322 atext and spaces). */
const PLAIN_NAME = /^[A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~]*$/;

/** "Name <address>" or "address" → its parts; null when the address is not plain ASCII. */
export function parseMailbox(from: string): { name: string; address: string } | null {
  const m = /^\s*(?:"?([^"<]*?)"?\s*<([^>]+)>|([^<>\s]+))\s*$/.exec(from);
  if (!m) return null;
  const address = (m[2] ?? m[3] ?? "").trim();
  return ASCII_ADDRESS.test(address) ? { name: (m[1] ?? "").trim(), address } : null;
}

/** A header line: no line breaks inside a value (a vacancy title is typed by an employer), words encoded, folded at 76. */
function header(key: string, value: string): string {
  return foldLines(`${key}: ${encodeWords(value.replace(/\r?\n|\r/g, " "), "B", 52)}`, 76) + CRLF;
}

function mailboxHeader(key: string, m: { name: string; address: string }): string {
  const name = m.name.replace(/\r?\n|\r/g, " ");
  if (!name) return `${key}: ${m.address}${CRLF}`;
  const shown = PLAIN_NAME.test(name) ? name : /^[\x20-\x7e]*$/.test(name) ? quoteString(name) : encodeWords(name, "B", 52);
  return foldLines(`${key}: ${shown} <${m.address}>`, 76) + CRLF;
}

/** Base64 in lines of 76 characters. */
function base64Lines(content: string): string {
  const b = Buffer.from(content, "utf8").toString("base64");
  let out = "";
  for (let i = 0; i < b.length; i += 76) out += b.slice(i, i + 76) + CRLF;
  return out;
}

function textPart(type: string, content: string): string {
  return `Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${base64Lines(content)}`;
}

/**
 * The message and its envelope, or null when nodemailer's composer must build it (an address or a
 * file name outside plain ASCII).
 */
export function buildMime(mail: OutgoingEmail, from: string, date: Date = new Date()): { raw: Buffer; envelope: { from: string; to: string[] } } | null {
  const sender = parseMailbox(from);
  if (!sender || !ASCII_ADDRESS.test(mail.to)) return null;
  const attachments = mail.attachments ?? [];
  if (attachments.some((a) => !/^[\w.-]+$/.test(a.filename) || /[\r\n"]/.test(a.contentType))) return null;
  const id = `${BOUNDARY_PREFIX}${(++boundaries).toString(36)}`;
  const alternative = `--_alt-${id}`;
  const mixed = `--_mix-${id}`;
  let head = "";
  for (const [key, value] of Object.entries(mail.headers)) head += header(key, value);
  head += mailboxHeader("From", sender);
  head += `To: ${mail.to}${CRLF}`;
  head += header("Subject", mail.subject);
  head += `Message-ID: ${mail.messageId.replace(/[\r\n]/g, "")}${CRLF}`;
  head += `Date: ${date.toUTCString().replace(/GMT/, "+0000")}${CRLF}`;
  head += `MIME-Version: 1.0${CRLF}`;
  const body =
    `--${alternative}${CRLF}${textPart("text/plain", mail.text)}` + `--${alternative}${CRLF}${textPart("text/html", mail.html)}` + `--${alternative}--${CRLF}`;
  let message: string;
  if (!attachments.length) message = `${head}Content-Type: multipart/alternative; boundary="${alternative}"${CRLF}${CRLF}${body}`;
  else {
    message = `${head}Content-Type: multipart/mixed; boundary="${mixed}"${CRLF}${CRLF}`;
    message += `--${mixed}${CRLF}Content-Type: multipart/alternative; boundary="${alternative}"${CRLF}${CRLF}${body}${CRLF}`;
    for (const a of attachments)
      message +=
        `--${mixed}${CRLF}Content-Type: ${a.contentType}; name=${a.filename}${CRLF}Content-Transfer-Encoding: base64${CRLF}` +
        `Content-Disposition: attachment; filename=${a.filename}${CRLF}${CRLF}${base64Lines(a.content)}`;
    message += `--${mixed}--${CRLF}`;
  }
  return { raw: Buffer.from(message, "utf8"), envelope: { from: sender.address, to: [mail.to] } };
}
