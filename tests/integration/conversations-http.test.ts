// The conversation and the team notes over HTTP on the real build with its demo data, as a browser
// without JavaScript uses them (docs/decisions/060-notes-and-conversations.md): the pages in the
// reader's language, a plain multipart post with a PDF through the Express layer (origin check, body
// limits), a rejected file answered with a page in the reader's language and the text kept, the
// attachment as a download, the team's card on the employer's page and the staff queue.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { smallPdf } from "@db/seed/talk18";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

describe("conversations over HTTP (JavaScript off)", () => {
  it(
    "the graduate reads and answers with a PDF, a renamed file is refused in her language with her text kept, the file is a download; the employer sees the team's card; staff see the report",
    { timeout: 180_000 },
    async () => {
      const dataDir = await demoDataCopy();
      const db = new Database(path.join(dataDir, "portal.sqlite"), { readonly: true });
      const appId = db
        .prepare(
          `select m.application_id from conversation_messages m join applications a on a.id = m.application_id
         join graduates g on g.id = a.graduate_id join users u on u.id = g.user_id where u.email = 'graduate@demo.kg' limit 1`,
        )
        .pluck()
        .get() as number;
      db.close();
      expect(appId).toBeGreaterThan(0);
      server = await startServer({}, dataDir);
      const base = server.url;
      const graduate = await signInOverHttp(base, "graduate@demo.kg");

      const page = await fetch(`${base}/me/applications/${appId}?lng=ky`, { headers: { Cookie: graduate } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Кат алышуу");
      expect(html).toContain("Резюмемди тиркедим");
      const at = html.indexOf(`action="/me/applications/${appId}/messages?form"`);
      const formTag = html.slice(html.lastIndexOf("<form", at), html.indexOf(">", at) + 1);
      expect(formTag).toMatch(/enctype="multipart\/form-data"/i); // HTML attribute names are case-insensitive (React writes encType)
      const fileHref = /href="(\/conversation-files\/\d+)"/.exec(html)![1]!;

      const post = (body: string, file: { name: string; bytes: Uint8Array }) => {
        const form = new FormData();
        form.append("intent", "send");
        form.append("body", body);
        form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: "application/pdf" }));
        return fetch(`${base}/me/applications/${appId}/messages`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: base, Cookie: `${graduate}; lng=ru` },
          body: form,
        });
      };
      const refused = await post("Вот мой сертификат", { name: "certificate.pdf", bytes: new TextEncoder().encode("not a pdf") });
      expect(`${refused.status} ${refused.headers.get("location")}`).toBe("400 null");
      const refusedHtml = await refused.text();
      expect(refusedHtml).toContain("Этот файл не является документом PDF. Приложите PDF.");
      expect(refusedHtml).toContain("Вот мой сертификат");

      const sent = await post("Вот мой сертификат", { name: "certificate.pdf", bytes: smallPdf(["Certificate"]) });
      expect(sent.status).toBe(302);
      expect(sent.headers.get("location")).toBe(`/me/applications/${appId}#conversation`);
      const after = await (await fetch(`${base}/me/applications/${appId}?lng=ru`, { headers: { Cookie: graduate } })).text();
      expect(after).toContain("Вот мой сертификат");
      expect(after).toContain("certificate.pdf");

      const file = await fetch(`${base}${fileHref}`, { headers: { Cookie: graduate } });
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/pdf");
      expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="Aiperi_Zhumabekova_CV\.pdf"/);
      expect(file.headers.get("x-content-type-options")).toBe("nosniff");
      expect(
        Buffer.from(await file.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
      // Signed out: the sign-in, never the file.
      const anonymous = await fetch(`${base}${fileHref}`, { redirect: "manual" });
      expect(anonymous.status).toBe(302);

      const employer = await signInOverHttp(base, "employer@demo.kg");
      const theirs = await (await fetch(`${base}/employer/applications/${appId}?lng=en`, { headers: { Cookie: employer } })).text();
      expect(theirs).toContain("Team notes and ratings");
      expect(theirs).toContain(`action="/employer/applications/${appId}/notes"`);
      expect(theirs).toContain("Вот мой сертификат");

      const staff = await signInOverHttp(base, "staff@demo.kg");
      const queue = await (await fetch(`${base}/staff/conversations?lng=en`, { headers: { Cookie: staff } })).text();
      expect(queue).toContain("Reported conversations");
      const reported = /href="\/staff\/conversations\/(\d+)"/.exec(queue)![1]!;
      expect((await fetch(`${base}/staff/conversations/${reported}`, { headers: { Cookie: staff } })).status).toBe(200);
      expect((await fetch(`${base}/staff/conversations/${appId}`, { headers: { Cookie: staff } })).status).toBe(404);
    },
  );
});
