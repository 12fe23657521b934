// The message-kind registry (app/domain/messages/kinds.ts, docs/decisions/053-message-preferences-and-digests.md):
// every kind the portal sends has a row, found by scanning app/ with the TypeScript compiler API
// (syntax only): each NotificationKind, and the kind of every notify / notifyCompany /
// queueMessage call. A new kind without a registry row, or a kind passed as a variable the scan
// cannot read, fails here. Then the one rule the worker applies (closedReason).
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  closedReason,
  effectiveChoice,
  isMessageKind,
  MESSAGE_KINDS,
  MESSAGE_TOPICS,
  type MessageKind,
  TOPICS,
  topicOf,
  topicsFor,
} from "~/domain/messages/kinds";
import { parse, sourceFiles } from "../support/source-files";

/** Which argument holds the kind, per sending function. */
const KIND_ARGUMENT: Record<string, number> = { notify: 2 };
/** Sending functions that take the message as an object with a `kind` property, and which argument it is. */
const MESSAGE_ARGUMENT: Record<string, number> = { queueMessage: 1, tell: 1, tellAlone: 1, tellCompany: 2 };
/** Calls that pass a kind through from their own parameter (checked at their callers). */
const PASS_THROUGH = new Set(["app/models/notifications.server.ts", "app/models/messages.server.ts"]);

type Found = { kind: string; where: string };

/**
 * A named constant (INTERVIEW_DETAILS) or a conditional of literals: the compiler checks these, since
 * a message's kind is typed MessageKind (queueMessage) or NotificationKind (tell).
 */
const typedByCompiler = (node: ts.Node | undefined): boolean => node !== undefined && (ts.isIdentifier(node) || ts.isConditionalExpression(node));

function sentKinds(): { literal: Found[]; unreadable: string[] } {
  const literal: Found[] = [];
  const unreadable: string[] = [];
  for (const file of sourceFiles("app")) {
    const source = parse(file);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        // The sending functions are imported by name (never called as a method).
        const callee = ts.isIdentifier(node.expression) ? node.expression.text : "";
        const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        let kindNode: ts.Node | undefined;
        let known = false;
        if (callee in KIND_ARGUMENT) {
          known = true;
          kindNode = node.arguments[KIND_ARGUMENT[callee]!];
        } else if (callee in MESSAGE_ARGUMENT) {
          known = true;
          const arg = node.arguments[MESSAGE_ARGUMENT[callee]!];
          if (arg && ts.isObjectLiteralExpression(arg)) {
            const prop = arg.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "kind");
            kindNode = prop && ts.isPropertyAssignment(prop) ? prop.initializer : undefined;
          }
        }
        if (known) {
          if (kindNode && ts.isStringLiteralLike(kindNode)) literal.push({ kind: kindNode.text, where });
          else if (!typedByCompiler(kindNode) && !PASS_THROUGH.has(file)) unreadable.push(where);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literal, unreadable };
}

function notificationKinds(): string[] {
  const source = parse("app/models/notifications.server.ts");
  const out: string[] = [];
  source.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node) && node.name.text === "NotificationKind" && ts.isUnionTypeNode(node.type)) {
      for (const t of node.type.types) if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) out.push(t.literal.text);
    }
  });
  return out;
}

describe("every kind the portal sends is in the registry", () => {
  it("each NotificationKind has a registry row", () => {
    const kinds = notificationKinds();
    expect(kinds.length).toBeGreaterThanOrEqual(12);
    expect(kinds.filter((k) => !isMessageKind(k))).toEqual([]);
  });

  it("the kind of every notify, tell, tellCompany, tellAlone and queueMessage call in app/ is a literal with a registry row or a typed constant", () => {
    const { literal, unreadable } = sentKinds();
    // The scan finds the calls that exist today (the invitation's outbox row, a vacancy's approval …).
    expect(literal.map((f) => f.kind)).toEqual(expect.arrayContaining(["application-invited", "application-status", "vacancy-approved", "sign-up-existing"]));
    expect(literal.filter((f) => !isMessageKind(f.kind))).toEqual([]);
    expect(unreadable).toEqual([]);
  });

  it("every kind belongs to a topic, and a kind's receivers may see its topic", () => {
    for (const [kind, rule] of Object.entries(MESSAGE_KINDS)) {
      expect(MESSAGE_TOPICS, kind).toContain(rule.topic);
      for (const role of rule.roles) expect(TOPICS[rule.topic].roles, `${kind} → ${role}`).toContain(role);
      // A digest kind only in a topic that may come as a digest.
      if (rule.form === "digest") expect(TOPICS[rule.topic].digest, kind).not.toBe("never");
    }
  });
});

describe("the one rule the worker applies", () => {
  it("defaults: a graduate gets application moves at once by e-mail and Telegram, saved-search hits as an e-mail digest", () => {
    expect(closedReason("application-status", "email", undefined)).toBeNull();
    expect(closedReason("application-status", "telegram", undefined)).toBeNull();
    // At once or digest is decided when the event happens (tell), not by the worker (decision 062).
    expect(closedReason("saved-search-hits", "email", undefined)).toBeNull();
    expect(closedReason("saved-search-digest", "email", undefined)).toBeNull();
    expect(closedReason("saved-search-digest", "telegram", undefined)).toBe("unsubscribed");
    expect(closedReason("staff-digest", "email", undefined)).toBeNull();
  });

  it("a topic turned off on a channel closes every kind of it there, and only there", () => {
    expect(closedReason("application-invited", "email", { email: false })).toBe("unsubscribed");
    expect(closedReason("application-invited", "telegram", { email: false })).toBeNull();
  });

  it("a switch of mode after the event does not close what was queued: at once or digest was decided when it happened (decision 062)", () => {
    expect(closedReason("application-received", "email", { mode: "digest" })).toBeNull();
    expect(closedReason("applications-digest", "email", { mode: "digest" })).toBeNull();
    expect(closedReason("applications-digest", "email", { mode: "instant" })).toBeNull();
    expect(closedReason("applications-digest", "email", { mode: "instant", email: false })).toBe("unsubscribed");
  });

  it("a password reset and account warnings cannot be turned off, even by a stored 'off'", () => {
    expect(closedReason("password-reset", "email", { email: false })).toBeNull();
    expect(closedReason("sign-up-existing", "email", { email: false })).toBeNull();
    expect(topicsFor("graduate")).not.toContain("account");
  });

  it("an unknown kind counts as the account topic: never silently dropped", () => {
    expect(topicOf("no-such-kind")).toBe("account");
    expect(closedReason("no-such-kind", "email", { email: false })).toBeNull();
  });

  it("a topic that is never a digest ignores a stored digest mode", () => {
    expect(effectiveChoice("applications", { mode: "digest" }).mode).toBe("instant");
    const kind: MessageKind = "application-status";
    expect(closedReason(kind, "email", { mode: "digest" })).toBeNull();
  });

  it("each role sees its own topics", () => {
    expect(topicsFor("graduate")).toEqual(["applications", "interviews", "saved-searches", "surveys", "conversations"]);
    expect(topicsFor("employer")).toEqual(["interviews", "new-applications", "reviews", "conversations"]);
    expect(topicsFor("staff")).toEqual(["staff-digest"]);
  });
});
