// Demo data for issue 18 items 3 and 4 (docs/decisions/060-notes-and-conversations.md): team notes and
// ratings on the demo company's applicants by two colleagues, a conversation with graduate@demo.kg
// (with a small real PDF made here), and one conversation reported to staff. Written by the model
// functions the forms call; the messages they queue are marked "not sent: demo".
import type { DB } from "../connection";
import { addCompanyMember, makeUser } from "../factories";
import { addTeamNote, rateApplication } from "../../app/models/application-notes.server";
import { reportConversation, sendConversationMessage } from "../../app/models/conversations.server";
import { apply } from "../../app/models/applications.server";
import { markDemoMessagesNotSent } from "./outbox";

const escapePdfText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, "?");

/**
 * A small, valid one-page PDF showing the given lines (ASCII; Helvetica): a header, five objects, a
 * cross-reference table with exact offsets, the trailer, startxref and %%EOF. Also used by the tests.
 */
export function smallPdf(lines: readonly string[]): Buffer {
  const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${770 - i * 18} Td (${escapePdfText(l)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const NOTES = [
  "Strong portfolio; the React project is close to what we do. Ask about testing at the interview.",
  "Сильное портфолио, но мало опыта с API. Предлагаю тестовое задание.",
  "Англисче жакшы сүйлөйт, командада иштегенди билет.",
  "Available from next month; salary expectation not stated.",
];

export async function seedTeamNotesAndConversations(db: DB, accounts: { employer: string; graduate: string }): Promise<void> {
  const owner = await db
    .selectFrom("users")
    .innerJoin("company_members", "company_members.user_id", "users.id")
    .innerJoin("companies", "companies.id", "company_members.company_id")
    .select(["users.id", "company_members.company_id", "companies.slug"])
    .where("users.email", "=", accounts.employer)
    .executeTakeFirstOrThrow();
  const companyId = owner.company_id;
  // A colleague, so the page shows each colleague's rating and the average (no one signs in with it).
  const colleague = await makeUser(db, "employer", {
    email: `team@${owner.slug}.demo.kg`,
    password: `locked-${companyId}-${Date.now()}`,
    name: "Айгүл Токтосунова",
  });
  await addCompanyMember(db, companyId, colleague.id, owner.id);

  const applications = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .select(["applications.id", "applications.status"])
    .where("vacancies.company_id", "=", companyId)
    .where("applications.status", "!=", "invited")
    .orderBy("applications.id")
    .limit(10)
    .execute();
  for (const [i, a] of applications.entries()) {
    await rateApplication(db, companyId, a.id, owner.id, 2 + (i % 4));
    if (i % 2 === 0) await rateApplication(db, companyId, a.id, colleague.id, 3 + (i % 3));
    if (i < NOTES.length) await addTeamNote(db, companyId, a.id, i % 2 ? colleague.id : owner.id, NOTES[i]!);
  }

  // The conversation with graduate@demo.kg, on her application to the demo company: one she has, or
  // one she makes now through the apply form's model function (to the company's newest open vacancy she has not applied to).
  const aiperi = await db
    .selectFrom("graduates")
    .innerJoin("users", "users.id", "graduates.user_id")
    .select(["graduates.id", "graduates.first_name", "graduates.last_name", "users.id as user_id"])
    .where("users.email", "=", accounts.graduate)
    .executeTakeFirstOrThrow();
  const openOne = () =>
    db
      .selectFrom("applications")
      .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
      .select(["applications.id", "vacancies.company_id"])
      .where("applications.graduate_id", "=", aiperi.id)
      .where("vacancies.company_id", "=", companyId)
      .where("applications.status", "not in", ["invited", "rejected", "withdrawn"])
      .orderBy("applications.id")
      .executeTakeFirst();
  let hers = await openOne();
  if (!hers) {
    const vacancy = await db
      .selectFrom("vacancies")
      .select("id")
      .where("company_id", "=", companyId)
      .where("status", "=", "open")
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("applications")
              .select("id")
              .whereRef("applications.vacancy_id", "=", "vacancies.id")
              .where("applications.graduate_id", "=", aiperi.id),
          ),
        ),
      )
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (vacancy) {
      const graduateRow = { id: aiperi.id, user_id: aiperi.user_id, first_name: aiperi.first_name, last_name: aiperi.last_name };
      await apply(db, graduateRow, vacancy.id, { note: "Саламатсызбы! Бул вакансия мага абдан кызык.", projectIds: [] }, aiperi.user_id);
      hers = await openOne();
    }
  }
  if (hers) {
    const writer =
      hers.company_id === companyId
        ? owner.id
        : (await db.selectFrom("company_members").select("user_id").where("company_id", "=", hers.company_id).orderBy("user_id").executeTakeFirstOrThrow())
            .user_id;
    const company = { side: "company" as const, companyId: hers.company_id };
    const graduate = { side: "graduate" as const, graduateId: aiperi.id };
    await sendConversationMessage(
      db,
      company,
      hers.id,
      writer,
      "Саламатсызбы, Айпери! Портфолиоңуз жакты. Толук резюмеңузду PDF түрүндө жөнөтө аласызбы?",
      null,
    );
    const cv = smallPdf(["Aiperi Zhumabekova", "Junior frontend developer", "Naryn lyceum No. 87, 2025", "React, TypeScript, HTML, CSS"]);
    await sendConversationMessage(db, graduate, hers.id, aiperi.user_id, "Саламатсызбы! Резюмемди тиркедим. Суроолоруңуз болсо, жазыңыз.", {
      fileName: "Aiperi_Zhumabekova_CV.pdf",
      bytes: cv,
    });
    await sendConversationMessage(db, company, hers.id, writer, "Рахмат! Кесиптештерим менен карап чыгып, жакында жооп беребиз.", null);
  }

  // A conversation reported to staff, so the staff queue shows one: another verified company asks a candidate for money.
  const reported = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .innerJoin("graduates", "graduates.id", "applications.graduate_id")
    .innerJoin("company_members", "company_members.company_id", "companies.id")
    .select(["applications.id", "vacancies.company_id", "graduates.id as graduate_id", "graduates.user_id", "company_members.user_id as writer"])
    .where("companies.status", "=", "verified")
    .where("companies.id", "!=", companyId)
    .where("graduates.user_id", "is not", null)
    .where("graduates.id", "!=", aiperi.id)
    .where("applications.status", "in", ["applied", "screening"])
    .orderBy("applications.id")
    .executeTakeFirst();
  if (reported?.user_id) {
    const company = { side: "company" as const, companyId: reported.company_id };
    const graduate = { side: "graduate" as const, graduateId: reported.graduate_id };
    await sendConversationMessage(db, company, reported.id, reported.writer, "Тестовое задание платное: переведите 2 000 сомов, и мы пришлём материалы.", null);
    await sendConversationMessage(db, graduate, reported.id, reported.user_id, "Почему я должна платить за тестовое задание?", null);
    await reportConversation(db, graduate, reported.id, reported.user_id, "Компания просит деньги за тестовое задание.");
  }
  await markDemoMessagesNotSent(db);
}
