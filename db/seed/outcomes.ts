// Demo outcome histories (docs/product.md §6) that tell a story on the dashboard: Bishkek and Karakol
// stronger, Naryn and Kyzyl-Kiya weaker but rising; rates and knowledge rising with the
// graduation year; employed at HTP residents and elsewhere; a few in service, education,
// not seeking or excluded. Hires on the portal (placements) get their `application` records
// from the hire's own function (recordHireOutcome), superseding what was there. The latest checkpoint of recent cohorts is left partly
// unrecorded, so the follow-up list has work in it. Bulk prepared inserts in one transaction.
import type { Connection } from "../connection";
import { checkpointDate, addDays } from "../../app/domain/outcomes/checkpoint-dates";
import type { VacancyEmploymentType } from "../../app/domain/outcomes/records";
import { recordHireOutcome } from "../../app/models/outcomes.server";
import type { Checkpoint } from "../../app/domain/outcomes/codes";
import type { Random } from "./random";

/** Share of graduates employed at +12 months in 2019, and the yearly rise, per school. */
const SCHOOL_STORY: Record<string, { base: number; rise: number; htp: number }> = {
  "pl-98-bishkek": { base: 0.56, rise: 0.025, htp: 0.62 },
  "pl-14-karakol": { base: 0.5, rise: 0.025, htp: 0.5 },
  "ipk-tokmok": { base: 0.42, rise: 0.025, htp: 0.42 },
  "pl-6-kok-oy": { base: 0.38, rise: 0.025, htp: 0.32 },
  "pl-87-naryn": { base: 0.26, rise: 0.045, htp: 0.28 },
  "pl-70-kyzyl-kiya": { base: 0.24, rise: 0.045, htp: 0.25 },
};
const CHECKPOINT_FACTOR: Record<Checkpoint, number> = { graduation: 0.5, m6: 0.82, m12: 1, m36: 1.12 };
const LOCAL_EMPLOYERS = [
  "ОАО «Айыл Банк»",
  "ЗАО «Альфа Телеком» (MegaCom)",
  "ОсОО «Глобус»",
  "Бишкекский филиал «Оптима Банк»",
  "ОсОО «Нарын Тех Сервис»",
  "Ыссык-Көл облустук ооруканасы",
  "ОсОО «Компьютер Сервис Каракол»",
  "Частный предприниматель",
  "ОсОО «Шоро»",
  "ГП «Кыргызпочтасы»",
  "ОсОО «Принт Экспресс»",
  "ОсОО «Ош Маркет»",
  "Мэрия г. Токмок",
  "ОсОО «Кант Цемент»",
];
const HTP_TITLES = [
  "Junior frontend-разработчик",
  "Тестировщик ПО",
  "Junior PHP-разработчик",
  "Специалист техподдержки",
  "Junior Android-разработчик",
  "Верстальщик",
  "Junior data-аналитик",
  "Стажёр-разработчик Python",
];
const LOCAL_TITLES = [
  "Оператор ПК",
  "Системный администратор",
  "Специалист 1С",
  "Мастер по ремонту компьютеров",
  "Контент-менеджер",
  "Продавец-консультант техники",
  "Дизайнер полиграфии",
];

type Graduate = {
  id: number;
  sex: string | null;
  graduation_date: string;
  school_slug: string;
  school_region: number;
  user_id: number | null;
  joined_at: string | null;
};
type Job = {
  kind: string;
  hours: number;
  companyId: number | null;
  htp: number;
  employer: string | null;
  title: string;
  start: string;
  pay: number | null;
  related: string;
  region: number | null;
};

export async function seedOutcomes({ db, sqlite }: Connection, random: Random, options: { today: string; staffId: number }): Promise<{ outcomes: number }> {
  const graduates = sqlite
    .prepare(
      `select g.id, g.sex, c.graduation_date, s.slug as school_slug, s.region_id as school_region, g.user_id,
              (select i.used_at from invitations i where i.graduate_id = g.id and i.used_at is not null order by i.id limit 1) as joined_at
       from graduates g join cohorts c on c.id = g.cohort_id join schools s on s.id = c.school_id
       where g.anonymised_at is null order by g.id`,
    )
    .all() as Graduate[];
  const companies = sqlite.prepare("select id, status from companies where status = 'verified' order by id").all() as { id: number }[];
  const bishkek = (sqlite.prepare("select id from regions where code = 'bishkek'").get() as { id: number } | undefined)?.id ?? null;
  const placements = sqlite
    .prepare(
      `select p.id, p.graduate_id, p.company_id, p.job_title, p.employment_type, p.start_date, p.monthly_pay, p.company_htp_resident, p.recorded_by, v.region_id, c.graduation_date
       from placements p join vacancies v on v.id = p.vacancy_id join graduates g on g.id = p.graduate_id join cohorts c on c.id = g.cohort_id order by p.id`,
    )
    .all() as {
    id: number;
    graduate_id: number;
    company_id: number;
    job_title: string;
    employment_type: VacancyEmploymentType;
    start_date: string;
    monthly_pay: number | null;
    company_htp_resident: number;
    recorded_by: number | null;
    region_id: number | null;
    graduation_date: string;
  }[];

  const insert = sqlite.prepare(
    `insert into outcomes (graduate_id, checkpoint, code, as_of, source, recorded_by, supersedes_id, employment_kind, hours_per_week, company_id, company_htp_resident,
       employer_name, job_title, start_date, monthly_pay, related, started_before_graduation, job_region_id, placement_id, not_seeking_reason, excluded_reason, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertConsent = sqlite.prepare("insert into outcome_consents (graduate_id, given, recorded_by, created_at, updated_at) values (?, ?, ?, ?, ?)");
  const lastId = new Map<string, number>();
  let count = 0;

  const write = (
    g: number,
    checkpoint: Checkpoint,
    code: string,
    asOf: string,
    source: string,
    recordedBy: number | null,
    job: Job | null,
    graduation: string,
    extra: { placementId?: number; notSeeking?: string | null; excluded?: string | null } = {},
  ) => {
    const key = `${g}:${checkpoint}`;
    const at = `${asOf}T${String(8 + (count % 9)).padStart(2, "0")}:00:00.000Z`;
    const { lastInsertRowid } = insert.run(
      g,
      checkpoint,
      code,
      asOf,
      source,
      recordedBy,
      lastId.get(key) ?? null,
      job?.kind ?? null,
      job?.hours ?? null,
      job?.companyId ?? null,
      job ? job.htp : null,
      job?.employer ?? null,
      job?.title ?? null,
      job?.start ?? null,
      job?.pay ?? null,
      job?.related ?? null,
      job ? (job.start < graduation ? 1 : 0) : null,
      job?.region ?? null,
      extra.placementId ?? null,
      extra.notSeeking ?? null,
      extra.excluded ?? null,
      at,
      at,
    );
    lastId.set(key, Number(lastInsertRowid));
    count++;
  };

  const newJob = (g: Graduate, year: number, checkpoint: Checkpoint, from: string, to: string): Job => {
    const story = SCHOOL_STORY[g.school_slug] ?? SCHOOL_STORY["ipk-tokmok"]!;
    const htp = companies.length > 0 && random.chance(Math.min(0.85, story.htp + 0.02 * (year - 2019)));
    const fullTime = random.chance(0.85);
    const roll = random.next();
    const kind =
      checkpoint === "graduation" && random.chance(0.2)
        ? "paid_internship"
        : roll < 0.8
          ? "employee"
          : roll < 0.88
            ? "freelance"
            : roll < 0.92
              ? "own_business"
              : roll < 0.96
                ? "contract"
                : "paid_internship";
    const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
    const grow = 1 + 0.04 * (year - 2019);
    const pay = random.chance(0.8)
      ? Math.round(((htp ? random.int(35, 90) : random.int(25, 55)) * 1000 * (kind === "paid_internship" ? 0.6 : 1) * (fullTime ? 1 : 0.55) * grow) / 500) * 500
      : null;
    const related = htp ? (random.chance(0.9) ? "yes" : "unknown") : random.pick(["yes", "yes", "no", "no", "unknown"]);
    return {
      kind,
      hours: fullTime ? 40 : random.pick([15, 20, 25]),
      companyId: htp ? random.pick(companies).id : null,
      htp: htp ? 1 : 0,
      employer: htp ? null : random.pick(LOCAL_EMPLOYERS),
      title: random.pick(htp ? HTP_TITLES : LOCAL_TITLES),
      start: addDays(from, random.int(0, span)),
      pay,
      related,
      region: htp ? (random.chance(0.85) ? bishkek : g.school_region) : random.chance(0.6) ? g.school_region : bishkek,
    };
  };

  const cacheBefore = sqlite.pragma("cache_size", { simple: true });
  sqlite.pragma("cache_size = -262144");
  sqlite.transaction(() => {
    for (const g of graduates) {
      const year = Number(g.graduation_date.slice(0, 4));
      const story = SCHOOL_STORY[g.school_slug] ?? SCHOOL_STORY["ipk-tokmok"]!;
      const weak = story.rise > 0.03;
      let job = null as Job | null;
      let previousDate = addDays(g.graduation_date, -120);
      // A few leave the base for good (emigrated with no contact, long illness).
      const excludedAt = random.chance(0.01) ? random.pick(["m6", "m12", "m36"] as const) : null;
      let excluded = false;
      for (const checkpoint of ["graduation", "m6", "m12", "m36"] as const) {
        const date = checkpointDate(g.graduation_date, checkpoint);
        if (date > options.today) break;
        if (checkpoint === "m36" && !random.chance(0.45)) break; // +36 months is optional
        if (excluded) break;
        const sinceDays = (Date.parse(options.today) - Date.parse(date)) / 86_400_000;
        // The newest checkpoint of recent cohorts is only partly followed up yet.
        if (sinceDays < 200 && random.chance(0.45)) break;
        const asOf = [addDays(date, random.int(0, 45)), options.today].sort()[0]!;
        const source = random.pick(["staff", "staff", "staff", "survey", "survey", "self_report"] as const);
        const recordedBy = source === "staff" ? options.staffId : null;
        if (excludedAt === checkpoint) {
          write(g.id, checkpoint, "excluded", asOf, "staff", options.staffId, null, g.graduation_date, {
            excluded: random.pick(["Выехал за рубеж, связи нет", "Длительная болезнь", "Выбыл из базы по заявлению семьи"]),
          });
          excluded = true;
          continue;
        }
        const unknownShare = Math.max(0.1, 0.31 - 0.022 * (year - 2019) + (weak ? 0.05 : 0));
        if (random.chance(unknownShare)) {
          if (random.chance(0.4)) write(g.id, checkpoint, "unknown", asOf, "staff", options.staffId, null, g.graduation_date);
          previousDate = date;
          continue;
        }
        const pEmployed = Math.min(0.92, (story.base + story.rise * (year - 2019)) * CHECKPOINT_FACTOR[checkpoint]);
        const kept: Job | null = job;
        if (kept && random.chance(0.85)) {
          // Same job, often a raise.
          job = { ...kept, pay: kept.pay === null ? null : Math.round((kept.pay * (1 + random.int(0, 20) / 100)) / 500) * 500 };
        } else if (random.chance(pEmployed)) {
          const from = checkpoint === "graduation" ? addDays(g.graduation_date, -90) : previousDate;
          job = newJob(g, year, checkpoint, from, asOf);
        } else {
          job = null;
        }
        if (job) {
          write(g.id, checkpoint, "employed", asOf, job.companyId && random.chance(0.25) ? "employer" : source, recordedBy, job, g.graduation_date);
        } else {
          const roll = random.next();
          const code =
            g.sex === "m" && roll < 0.12 ? "military" : roll < 0.42 ? "education" : roll < 0.86 ? "seeking" : roll < 0.96 ? "not_seeking" : "service";
          const reason =
            code === "not_seeking" && random.chance(0.6) ? random.pick(["Уход за ребёнком", "Помогает семье в хозяйстве", "Готовится к поступлению"]) : null;
          write(g.id, checkpoint, code, asOf, source, recordedBy, null, g.graduation_date, { notSeeking: reason });
        }
        previousDate = date;
      }
      // Consent: most graduates who joined agreed when they joined; a few withdrew later.
      if (g.user_id !== null && g.joined_at && random.chance(0.85)) {
        insertConsent.run(g.id, 1, g.user_id, g.joined_at, g.joined_at);
        if (random.chance(0.03)) {
          const at = addDays(g.joined_at.slice(0, 10), random.int(30, 400));
          if (at <= options.today) insertConsent.run(g.id, 0, g.user_id, `${at}T10:00:00.000Z`, `${at}T10:00:00.000Z`);
        }
      }
    }
  })();
  sqlite.pragma(`cache_size = ${Number(cacheBefore)}`);
  // Hires on the portal: the record the employer's "hired" move makes, by the move's own function
  // (so the generator follows its rules, e.g. at which checkpoint a hire counts), dated as before.
  for (const p of placements) {
    const at = `${p.start_date}T${String(8 + (count % 9)).padStart(2, "0")}:00:00.000Z`;
    await recordHireOutcome(db, {
      graduateId: p.graduate_id,
      placementId: p.id,
      companyId: p.company_id,
      jobTitle: p.job_title,
      employmentType: p.employment_type,
      startDate: p.start_date,
      monthlyPay: p.monthly_pay,
      regionId: p.region_id,
      actorUserId: p.recorded_by!,
      recordedAt: at,
    });
    count++;
  }
  return { outcomes: count };
}
