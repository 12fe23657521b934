// The job-word table (docs/product.md §14, docs/decisions/047-job-words-stored.md): classes of title
// words that mean the same job across ky/ru/en, kept beside the skills taxonomy and edited by admins.
// Filled here, not by the reference seed: that seed runs only on an empty database, so a portal that
// is already running would get an empty table (and lose its job words) on the upgrade.
// A change to the table changes what a board search finds, so triggers log it into match_changes as
// a vacancy change with no vacancy: the board's page cache (app/server/page-cache.ts) goes stale,
// the matching index has nothing to reload. Frozen in time: imports nothing from the app; the words
// are the seed of app/domain/search/job-words.ts as it shipped (a unit test compares them).
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const JOB_WORDS_0014: readonly { slug: string; words: string[] }[] = [
  { slug: "frontend", words: ["frontend", "front-end", "фронтенд", "фронт-энд", "фронтендер"] },
  { slug: "backend", words: ["backend", "back-end", "бэкенд", "бекенд", "бэкендер"] },
  { slug: "fullstack", words: ["fullstack", "full-stack", "фулстек", "фуллстек"] },
  { slug: "developer", words: ["developer", "разработчик", "разработчица", "иштеп чыгуучу", "девелопер"] },
  { slug: "programmer", words: ["programmer", "программист", "программистка", "программалоочу"] },
  { slug: "tester", words: ["тестировщик", "тестировщица", "тестер", "tester", "qa", "тестирлөөчү"] },
  { slug: "intern", words: ["стажёр", "стажер", "стажировка", "intern", "internship", "trainee", "практикант", "практикантка"] },
  { slug: "designer", words: ["дизайнер", "designer", "дизайнерка"] },
  { slug: "layout", words: ["верстальщик", "верстальщица", "html-coder"] },
  { slug: "analyst", words: ["аналитик", "analyst", "талдоочу"] },
  { slug: "engineer", words: ["инженер", "engineer"] },
  { slug: "specialist", words: ["специалист", "specialist", "адис"] },
  { slug: "manager", words: ["менеджер", "manager", "управляющий", "башкаруучу"] },
  { slug: "sysadmin", words: ["системный администратор", "system administrator", "sysadmin", "сисадмин", "системалык администратор"] },
  { slug: "devops", words: ["devops", "девопс"] },
  { slug: "support", words: ["техподдержка", "техническая поддержка", "support", "helpdesk", "техникалык колдоо"] },
  { slug: "junior", words: ["junior", "джуниор", "джун", "младший"] },
  { slug: "mentor", words: ["наставник", "наставница", "mentor", "насаатчы"] },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("job_word_classes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  // A word or phrase as the admin typed it (the search folds and stems it); `position` keeps their order.
  await db.schema
    .createTable("job_words")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("class_id", "integer", (c) => c.notNull().references("job_word_classes.id").onDelete("cascade"))
    .addColumn("word", "text", (c) => c.notNull().check(sql`length(word) between 1 and 60`))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("job_words_class_word", ["class_id", "word"])
    .execute();

  for (const cls of JOB_WORDS_0014) {
    const { id } = (await sql<{ id: number }>`insert into job_word_classes (slug) values (${cls.slug}) returning id`.execute(db)).rows[0]!;
    for (const [position, word] of cls.words.entries()) {
      await sql`insert into job_words (class_id, word, position) values (${id}, ${word}, ${position})`.execute(db);
    }
  }

  // After the seed: the shipped words are no edit.
  for (const table of ["job_word_classes", "job_words"]) {
    for (const event of ["insert", "update", "delete"]) {
      await sql
        .raw(
          `create trigger match_${table}_${event} after ${event} on ${table} begin insert into match_changes (kind, entity_id) values ('vacancy', null); end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("job_words").execute(); // their triggers go with the tables
  await db.schema.dropTable("job_word_classes").execute();
}
