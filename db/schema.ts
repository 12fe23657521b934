// The typed shape of the database. One interface per table; Selectable/Insertable aliases
// give the row types used by models. Keep in step with db/migrations.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamps = {
  created_at: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<string, string | undefined, string>;
};

export type Lang = "ky" | "ru" | "en";
export type Role = "graduate" | "employer" | "staff" | "admin";

export interface RegionsTable extends Timestamps {
  id: Generated<number>;
  code: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
}

export interface SchoolsTable extends Timestamps {
  id: Generated<number>;
  slug: string;
  region_id: number;
  name_ky: string;
  name_ru: string;
  name_en: string;
  city_ky: string;
  city_ru: string;
  city_en: string;
  active: Generated<number>;
}

export interface SkillCategoriesTable extends Timestamps {
  id: Generated<number>;
  slug: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
}

export interface SkillsTable extends Timestamps {
  id: Generated<number>;
  slug: string;
  category_id: number;
  name_ky: string;
  name_ru: string;
  name_en: string;
}

export interface SkillAliasesTable extends Timestamps {
  id: Generated<number>;
  skill_id: number;
  alias: string;
  normalized: string;
}

/** A class of job words that mean the same job (migration 0014, docs/decisions/047-job-words-stored.md). */
export interface JobWordClassesTable extends Timestamps {
  id: Generated<number>;
  slug: string;
}

export interface JobWordsTable extends Timestamps {
  id: Generated<number>;
  class_id: number;
  word: string;
  position: number;
}

export interface SkillRelationsTable extends Timestamps {
  skill_id: number;
  related_skill_id: number;
}

export interface ModulesTable extends Timestamps {
  id: Generated<number>;
  number: number;
  title_ky: string;
  title_ru: string;
  title_en: string;
}

export interface ModuleSkillsTable extends Timestamps {
  module_id: number;
  skill_id: number;
}

export interface SettingsTable extends Timestamps {
  key: string;
  value: string;
}

export interface UsersTable extends Timestamps {
  id: Generated<number>;
  email: string;
  password_hash: string;
  role: Role;
  display_name: string;
  locale: Lang | null;
  active: Generated<number>;
}

export interface SessionsTable extends Timestamps {
  id: string;
  user_id: number;
  expires_at: string;
}

export interface SignInFailuresTable extends Timestamps {
  id: Generated<number>;
  scope: "account" | "address";
  key: string;
}

export interface PasswordResetsTable extends Timestamps {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_by: number;
  expires_at: string;
  used_at: string | null;
  /** "staff": handed over by staff (24 h); "self": asked for by the person, sent by e-mail (30 min; migration 0023). */
  kind: Generated<"staff" | "self">;
}

export interface CohortsTable extends Timestamps {
  id: Generated<number>;
  school_id: number;
  graduation_date: string;
}

export type Visibility = "private" | "employers" | "public";
export type CefrLevel = "A1" | "A2" | "B1" | "B2" | "C1" | "C2" | "native";
export type RemotePreference = "onsite" | "hybrid" | "remote" | "any";
export type SkillLevel = "basic" | "intermediate" | "advanced";
/** Where a skill claim comes from, weakest first. */
export type SkillSource = "self" | "portfolio" | "module" | "staff";

export interface GraduatesTable extends Timestamps {
  id: Generated<number>;
  user_id: number | null;
  cohort_id: number;
  first_name: string;
  last_name: string;
  /** The name's Kyrgyz-alphabet sort key, kept by triggers (migration 0013); for ORDER BY only. */
  name_sort_key: Generated<string>;
  sex: "f" | "m" | null;
  slug: string | null;
  email: string | null;
  phone: string | null;
  photo: string | null;
  headline: string | null;
  about: string | null;
  region_id: number | null;
  city: string | null;
  willing_to_relocate: Generated<number>;
  remote_preference: RemotePreference | null;
  available_from: string | null;
  english_level: CefrLevel | null;
  certificate_number: string | null;
  certificate_date: string | null;
  certificate_verified_by: number | null;
  certificate_verified_at: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_telegram: string | null;
  visibility: Generated<Visibility>;
  published_at: string | null;
  anonymised_at: string | null;
}

export interface GraduateLanguagesTable extends Timestamps {
  graduate_id: number;
  language: string;
  level: CefrLevel;
}

export interface GraduateSkillsTable extends Timestamps {
  graduate_id: number;
  skill_id: number;
  /** The level the graduate declares (self-declared evidence). */
  level: SkillLevel;
  /** The strongest evidence the skill has at any level (for lists that sort by it). */
  source: SkillSource;
  /** The level a verification (module: basic; staff: the level checked) proved; null when none (migration 0011). */
  verified_level: ColumnType<SkillLevel | null, SkillLevel | null | undefined, SkillLevel | null>;
  verified_by: number | null;
}

export interface GraduateModulesTable extends Timestamps {
  graduate_id: number;
  module_id: number;
  completed_on: string;
  score: number | null;
  verified_by: number | null;
  verified_at: string | null;
}

export interface ProjectsTable extends Timestamps {
  id: Generated<number>;
  graduate_id: number;
  title: string;
  summary: string | null;
  description: string | null;
  role: string | null;
  repo_url: string | null;
  demo_url: string | null;
  started_on: string | null;
  finished_on: string | null;
  position: Generated<number>;
}

export interface ProjectSkillsTable extends Timestamps {
  project_id: number;
  skill_id: number;
}

export interface ProjectImagesTable extends Timestamps {
  id: Generated<number>;
  project_id: number;
  file_name: string;
  alt: string;
  width: number;
  height: number;
  position: Generated<number>;
}

export interface GraduatesFtsTable {
  rowid: number;
  name: string;
  headline: string;
  about: string;
  projects: string;
  skills: string;
  /** The loose forms (stems, script keys) of the column of the same name (migration 0012, docs/decisions/045). */
  name_terms: string;
  headline_terms: string;
  about_terms: string;
  projects_terms: string;
  skills_terms: string;
}

export interface CsvImportsTable extends Timestamps {
  id: Generated<number>;
  created_by: number;
  cohort_id: number;
  file_name: string;
  content: string;
  status: Generated<"checked" | "imported">;
  rows_total: Generated<number>;
  rows_accepted: Generated<number>;
}

export interface InvitationsTable extends Timestamps {
  id: Generated<number>;
  code: string;
  graduate_id: number;
  created_by: number;
  expires_at: string;
  used_at: string | null;
  /** "staff": handed over by staff (24 h); "self": asked for by the person, sent by e-mail (30 min; migration 0023). */
  kind: Generated<"staff" | "self">;
}

export interface CompaniesTable extends Timestamps {
  id: Generated<number>;
  slug: string;
  name: string;
  status: Generated<"pending" | "verified" | "rejected">;
  htp_number: string | null;
  website: string | null;
  city: string | null;
  about: string | null;
  trusted: Generated<number>;
  logo: string | null;
  reject_reason: string | null;
  verified_by: number | null;
  verified_at: string | null;
}

export interface CompanyIdentityChangesTable extends Timestamps {
  id: Generated<number>;
  company_id: number;
  name: string;
  htp_number: string | null;
  website: string | null;
  requested_by: number | null;
  status: Generated<"pending" | "approved" | "rejected" | "replaced">;
  decided_by: number | null;
  decided_at: string | null;
  reason: string | null;
}

export interface CompanyMembersTable extends Timestamps {
  company_id: number;
  user_id: number;
}

export interface AuditLogTable extends Timestamps {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface CompanyInvitesTable extends Timestamps {
  id: Generated<number>;
  company_id: number;
  code: string;
  email: string | null;
  created_by: number;
  expires_at: string;
  used_at: string | null;
  /** "staff": handed over by staff (24 h); "self": asked for by the person, sent by e-mail (30 min; migration 0023). */
  kind: Generated<"staff" | "self">;
}

export type EmploymentType = "full_time" | "part_time" | "internship" | "apprenticeship" | "contract";
export type WorkMode = "onsite" | "hybrid" | "remote";
export type VacancyStatus = "draft" | "submitted" | "open" | "rejected" | "closed" | "filled";

export interface VacanciesTable extends Timestamps {
  id: Generated<number>;
  company_id: number;
  created_by: number | null;
  title: string;
  description: string;
  employment_type: EmploymentType;
  work_mode: WorkMode;
  city: string | null;
  region_id: number | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_hidden: Generated<number>;
  openings: Generated<number>;
  deadline: string | null;
  status: Generated<VacancyStatus>;
  reject_reason: string | null;
  published_at: string | null;
  closed_at: string | null;
}

export interface VacancySkillsTable extends Timestamps {
  vacancy_id: number;
  skill_id: number;
  required: Generated<number>;
  min_level: Generated<SkillLevel>;
}

export interface VacancyLanguagesTable extends Timestamps {
  vacancy_id: number;
  language: string;
  min_level: CefrLevel;
}

export interface VacanciesFtsTable {
  rowid: number;
  title: string;
  description: string;
  company: string;
  skills: string;
  /** The loose forms (stems, script keys) of the column of the same name (migration 0012, docs/decisions/045). */
  title_terms: string;
  description_terms: string;
  company_terms: string;
  skills_terms: string;
}

export interface SavedSearchesTable extends Timestamps {
  id: Generated<number>;
  user_id: number;
  name: string;
  query: string;
  feed_token: string;
  last_checked_at: string;
}

export type ApplicationStatus = "invited" | "applied" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";

export interface ApplicationsTable extends Timestamps {
  id: Generated<number>;
  vacancy_id: number;
  graduate_id: number;
  status: Generated<ApplicationStatus>;
  note: string | null;
  snapshot_json: string | null;
}

export interface ApplicationEventsTable extends Timestamps {
  id: Generated<number>;
  application_id: number;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  actor_user_id: number | null;
  note: string | null;
  interview_at: string | null;
  interview_place: string | null;
  /** The event this one takes back (an undo of a bulk action, migration 0027). */
  undoes_event_id: Generated<number | null>;
  /** A step inside the interview stage, which leaves the stage as it was (migration 0042, decision 075). */
  step: Generated<ApplicationEventStep | null>;
}

export type ApplicationEventStep = "interview-proposed" | "interview-moved" | "slot-picked" | "another-time" | "interview-cancelled";

export interface PlacementsTable extends Timestamps {
  id: Generated<number>;
  application_id: number;
  graduate_id: number;
  company_id: number;
  vacancy_id: number;
  job_title: string;
  employment_type: EmploymentType;
  start_date: string;
  monthly_pay: number | null;
  company_htp_resident: number;
  recorded_by: number | null;
}

export interface NotificationsTable extends Timestamps {
  id: Generated<number>;
  user_id: number;
  kind: string;
  payload_json: string;
  link: string | null;
  read_at: string | null;
  /** 1: its e-mail/Telegram copy was left to the next daily digest (migration 0030, decision 062). */
  via_digest: ColumnType<number, number | undefined, number>;
}

export type MessageChannel = "email" | "telegram";
export type OutboxStatus = "queued" | "sent" | "failed" | "expired" | "not_sent";

/** A message to a person on one channel, delivered by the outbox worker (migration 0018, decision 051). */
export interface OutboxTable extends Timestamps {
  id: Generated<number>;
  idem_key: string;
  channel: MessageChannel;
  kind: string;
  user_id: number;
  payload_json: string;
  link: string | null;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<string, string | undefined, string>;
  lease: string | null;
  last_error: string | null;
  sent_at: string | null;
  /** A message written ahead of time: when it first became due (its age for expiry counts from here); null: created_at. Migration 0025. */
  due_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MessageChannelFailuresTable {
  user_id: number;
  channel: MessageChannel;
  reason: string;
  created_at: ColumnType<string, string | undefined, string>;
}

/** A person's choice for a topic of messages (migration 0022, decision 053): null columns take the topic's default. */
export interface MessagePreferencesTable extends Timestamps {
  user_id: number;
  topic: string;
  email: number | null;
  telegram: number | null;
  mode: "instant" | "digest" | null;
}

/** A daily job's finished run for a Bishkek day (migration 0022, decision 053). */
export interface ScheduledJobRunsTable {
  job: string;
  day: string;
  until: string;
  queued: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<string, string | undefined, string>;
  /** The window's start (migration 0030): a resumed run covers the same span. */
  since: string | null;
  /** The last recipient (user id) whose batch committed; the run resumes after it. */
  after_user: ColumnType<number, number | undefined, number>;
  /** Null while the run is under way. */
  finished_at: string | null;
}

/** The Telegram chat a person linked (migration 0020, decision 052). */
export interface TelegramLinksTable {
  user_id: number;
  chat_id: number;
  linked_at: ColumnType<string, string | undefined, string>;
}

/** A deep link's one-time token, kept as its SHA-256 (migration 0020). */
export interface TelegramLinkTokensTable {
  token_hash: string;
  user_id: number;
  expires_at: string;
  used_at: string | null;
  created_at: ColumnType<string, string | undefined, string>;
}

/** Written by triggers: what changed since the matching index last looked (migration 0004). */
export interface MatchChangesTable {
  seq: Generated<number>;
  kind: "graduate" | "vacancy" | "all";
  entity_id: number | null;
}

/** Written by triggers: graduates whose outcome facts changed since the dashboard last looked (migration 0008); null = all. */
/** The page cache's log of changed pieces (migration 0035, docs/decisions/069-public-page-cache.md). */
export interface PageChangesTable {
  seq: Generated<number>;
  piece: string;
}

export interface OutcomeChangesTable {
  seq: Generated<number>;
  graduate_id: number | null;
}

export type OutcomeCodeColumn = "employed" | "military" | "service" | "education" | "seeking" | "not_seeking" | "unknown" | "excluded";
export type CheckpointColumn = "graduation" | "m6" | "m12" | "m36";
export type OutcomeSourceColumn = "application" | "staff" | "self_report" | "employer" | "survey";

/** Append-only: a correction is a new row; `current` marks the latest per (graduate, checkpoint). */
export interface OutcomesTable extends Timestamps {
  id: Generated<number>;
  graduate_id: number;
  checkpoint: CheckpointColumn;
  code: OutcomeCodeColumn;
  as_of: string;
  source: OutcomeSourceColumn;
  recorded_by: number | null;
  supersedes_id: number | null;
  current: Generated<number>;
  employment_kind: "employee" | "own_business" | "contract" | "freelance" | "paid_internship" | null;
  hours_per_week: number | null;
  company_id: number | null;
  company_htp_resident: number | null;
  employer_name: string | null;
  job_title: string | null;
  start_date: string | null;
  monthly_pay: number | null;
  related: "yes" | "no" | "unknown" | null;
  started_before_graduation: number | null;
  job_region_id: number | null;
  placement_id: number | null;
  not_seeking_reason: string | null;
  excluded_reason: string | null;
}

export interface SurveyLinksTable extends Timestamps {
  id: Generated<number>;
  token_hash: string;
  graduate_id: number;
  checkpoint: CheckpointColumn;
  created_by: number | null;
  expires_at: string;
  used_at: string | null;
  outcome_id: number | null;
}

export interface SurveyCampaignsTable extends Timestamps {
  id: Generated<number>;
  send_key: string;
  school_id: number | null;
  cohort_id: number | null;
  created_by: number | null;
  reminded_at: string | null;
  reminded_by: number | null;
  /** "sending" until every messaged graduate's link and messages are written, batch by batch (migration 0030, decision 062). */
  status: ColumnType<"sending" | "sent", "sending" | "sent" | undefined, "sending" | "sent">;
}

export type CampaignReach = "messaged" | "opted_out" | "no_channel";

export interface SurveyCampaignMembersTable extends Timestamps {
  campaign_id: number;
  graduate_id: number;
  checkpoint: CheckpointColumn;
  reach: CampaignReach;
  survey_link_id: number | null;
}

// Interview slots and offers (migration 0029, docs/decisions/061-interview-slots-and-offers.md).
export type InterviewStatus = "proposed" | "another-time" | "confirmed" | "cancelled" | "done";
export type InterviewOutcome = "passed" | "not-passed" | "no-show";
export type OfferStatus = "open" | "accepted" | "declined" | "withdrawn";

export interface InterviewsTable extends Timestamps {
  id: Generated<number>;
  application_id: number;
  status: InterviewStatus;
  minutes: number;
  place: string;
  starts_at: string | null;
  sequence: Generated<number>;
  calendar_sent: Generated<number>;
  request_note: string | null;
  reason: string | null;
  outcome: InterviewOutcome | null;
  outcome_note: string | null;
  created_by: number | null;
}

export interface InterviewSlotsTable extends Timestamps {
  id: Generated<number>;
  interview_id: number;
  starts_at: string;
  ends_at: string;
}

export interface OffersTable extends Timestamps {
  id: Generated<number>;
  application_id: number;
  status: OfferStatus;
  start_date: string;
  monthly_pay: number | null;
  answer_by: string;
  note: string | null;
  decline_reason: string | null;
  created_by: number | null;
  answered_at: string | null;
}

export interface OutcomeConsentsTable extends Timestamps {
  id: Generated<number>;
  graduate_id: number;
  given: number;
  recorded_by: number | null;
}

/** A colleague's private note on an application (migration 0028, docs/decisions/060-notes-and-conversations.md). */
export interface ApplicationNotesTable extends Timestamps {
  id: Generated<number>;
  application_id: number;
  company_id: number;
  author_user_id: number | null;
  body: string;
}

export interface ApplicationRatingsTable extends Timestamps {
  application_id: number;
  rater_user_id: number;
  company_id: number;
  rating: number;
}

export type ConversationSide = "company" | "graduate";

export interface ConversationMessagesTable extends Timestamps {
  id: Generated<number>;
  application_id: number;
  side: ConversationSide;
  author_user_id: number | null;
  /** Null once the author's account was deleted. */
  body: string | null;
}

export interface ConversationAttachmentsTable extends Timestamps {
  id: Generated<number>;
  message_id: number;
  file_name: string;
  size: number;
  data: Buffer;
}

export interface ConversationReportsTable extends Timestamps {
  id: Generated<number>;
  application_id: number;
  side: ConversationSide;
  reporter_user_id: number | null;
  reason: string;
  status: Generated<"open" | "closed">;
  closed_by: number | null;
  closed_at: string | null;
}

// The applicants list's bulk decisions (migration 0027, docs/decisions/059-bulk-decisions-and-undo.md).
export interface RejectionTemplatesTable extends Timestamps {
  id: Generated<number>;
  company_id: number;
  text_ky: string;
  text_ru: string;
  text_en: string;
}

export interface RejectionTemplateDefaultsTable {
  company_id: number;
  created_at: Generated<string>;
}

export interface BulkActionsTable extends Timestamps {
  id: Generated<number>;
  company_id: number;
  actor_user_id: number | null;
  to_status: ApplicationStatus;
  reason_ky: string | null;
  reason_ru: string | null;
  reason_en: string | null;
  skipped_json: Generated<string>;
  undo_until: string;
  undone_at: string | null;
  undone_by: number | null;
}

export interface BulkActionItemsTable {
  bulk_action_id: number;
  application_id: number;
  from_status: ApplicationStatus;
  event_id: number;
  undo_event_id: number | null;
}

/** A staff account's schools (migration 0031); no row = the whole Agency (docs/decisions/063-staff-scope.md). */
export interface StaffScopesTable {
  user_id: number;
  school_id: number;
}

/** Two-step sign-in (migration 0032, docs/decisions/066-two-step-sign-in.md): the encrypted TOTP secret; enabled once confirmed. */
export interface UserTwoStepTable extends Timestamps {
  user_id: number;
  secret: string;
  enabled_at: string | null;
  last_used_step: number | null;
}

/** Single-use recovery codes (migration 0032): only their SHA-256 is kept. */
export interface UserRecoveryCodesTable extends Timestamps {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

/** A staff member's saved report (migration 0034, docs/decisions/064-report-builder.md); the query is JSON checked by zod on read. */
export interface SavedReportsTable extends Timestamps {
  id: Generated<number>;
  owner_id: number;
  name: string;
  /** The name trimmed and lower-cased (reportNameKey), unique per owner (migration 0045). */
  name_key: string;
  query_json: string;
}

/** A skill whose holders' search rows wait to be rewritten in the background (migration 0045, decision 078), and how far that has come. */
export interface SearchReindexSkillsTable {
  skill_id: number;
  graduates_after: Generated<number>;
  vacancies_after: Generated<number>;
  queued_at: Generated<string>;
}

export interface Database {
  regions: RegionsTable;
  schools: SchoolsTable;
  skill_categories: SkillCategoriesTable;
  skills: SkillsTable;
  skill_aliases: SkillAliasesTable;
  skill_relations: SkillRelationsTable;
  job_word_classes: JobWordClassesTable;
  job_words: JobWordsTable;
  modules: ModulesTable;
  module_skills: ModuleSkillsTable;
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  password_resets: PasswordResetsTable;
  cohorts: CohortsTable;
  graduates: GraduatesTable;
  invitations: InvitationsTable;
  companies: CompaniesTable;
  company_members: CompanyMembersTable;
  company_identity_changes: CompanyIdentityChangesTable;
  audit_log: AuditLogTable;
  graduate_languages: GraduateLanguagesTable;
  graduate_skills: GraduateSkillsTable;
  graduate_modules: GraduateModulesTable;
  projects: ProjectsTable;
  project_skills: ProjectSkillsTable;
  project_images: ProjectImagesTable;
  graduates_fts: GraduatesFtsTable;
  csv_imports: CsvImportsTable;
  company_invites: CompanyInvitesTable;
  vacancies: VacanciesTable;
  vacancy_skills: VacancySkillsTable;
  vacancy_languages: VacancyLanguagesTable;
  vacancies_fts: VacanciesFtsTable;
  saved_searches: SavedSearchesTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  placements: PlacementsTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
  message_channel_failures: MessageChannelFailuresTable;
  message_preferences: MessagePreferencesTable;
  scheduled_job_runs: ScheduledJobRunsTable;
  telegram_links: TelegramLinksTable;
  telegram_link_tokens: TelegramLinkTokensTable;
  match_changes: MatchChangesTable;
  outcome_changes: OutcomeChangesTable;
  page_changes: PageChangesTable;
  outcomes: OutcomesTable;
  survey_links: SurveyLinksTable;
  outcome_consents: OutcomeConsentsTable;
  survey_campaigns: SurveyCampaignsTable;
  survey_campaign_members: SurveyCampaignMembersTable;
  application_notes: ApplicationNotesTable;
  application_ratings: ApplicationRatingsTable;
  conversation_messages: ConversationMessagesTable;
  conversation_attachments: ConversationAttachmentsTable;
  conversation_reports: ConversationReportsTable;
  interviews: InterviewsTable;
  interview_slots: InterviewSlotsTable;
  offers: OffersTable;
  rejection_templates: RejectionTemplatesTable;
  rejection_template_defaults: RejectionTemplateDefaultsTable;
  bulk_actions: BulkActionsTable;
  bulk_action_items: BulkActionItemsTable;
  staff_scopes: StaffScopesTable;
  user_two_step: UserTwoStepTable;
  user_recovery_codes: UserRecoveryCodesTable;
  saved_reports: SavedReportsTable;
  search_reindex_skills: SearchReindexSkillsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type School = Selectable<SchoolsTable>;
export type Region = Selectable<RegionsTable>;
export type Skill = Selectable<SkillsTable>;
export type SkillCategory = Selectable<SkillCategoriesTable>;
export type Module = Selectable<ModulesTable>;
export type Cohort = Selectable<CohortsTable>;
export type Graduate = Selectable<GraduatesTable>;
export type Company = Selectable<CompaniesTable>;
export type Project = Selectable<ProjectsTable>;
export type ProjectImage = Selectable<ProjectImagesTable>;
export type Vacancy = Selectable<VacanciesTable>;
export type Application = Selectable<ApplicationsTable>;
export type Outcome = Selectable<OutcomesTable>;
export type NewOutcome = Insertable<OutcomesTable>;
