// A static map, not a folder scan: the server build is bundled, so files are not there at run time.
import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_graduate_profiles";
import * as m0003 from "./0003_employers";
import * as m0004 from "./0004_matching";
import * as m0005 from "./0005_audit_log_forget_actor";
import * as m0006 from "./0006_outcomes";
import * as m0007 from "./0007_outcome_dashboard";
import * as m0008 from "./0008_outcome_changes";
import * as m0009 from "./0009_company_identity_changes";
import * as m0011 from "./0011_skill_evidence_levels";
import * as m0012 from "./0012_search_loose_terms";
import * as m0013 from "./0013_graduate_name_order";
import * as m0014 from "./0014_job_words";
import * as m0015 from "./0015_directory_indexes";
import * as m0016 from "./0016_board_filters_and_skill_changes";
import * as m0018 from "./0018_outbox";
import * as m0020 from "./0020_telegram_links";
import * as m0022 from "./0022_message_preferences";
import * as m0023 from "./0023_password_reset_kinds";
import * as m0024 from "./0024_survey_campaigns";
import * as m0025 from "./0025_outbox_due_at";
import * as m0027 from "./0027_bulk_actions";
import * as m0028 from "./0028_team_notes_and_conversations";
import * as m0029 from "./0029_interview_slots_and_offers";
import * as m0030 from "./0030_notifications_via_digest";
import * as m0031 from "./0031_staff_scopes";
import * as m0032 from "./0032_two_step";
import * as m0033 from "./0033_data_retention";
import * as m0034 from "./0034_saved_reports";
import * as m0035 from "./0035_page_changes";
import * as m0037 from "./0037_dashboard_indexes";
import * as m0038 from "./0038_staff_pages_speed";
import * as m0039 from "./0039_graduate_email_lookup";
import * as m0042 from "./0042_application_event_steps";
import * as m0044 from "./0044_page_list_triggers_on_change";
import * as m0045 from "./0045_report_names_and_search_totals";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_graduate_profiles": m0002,
  "0003_employers": m0003,
  "0004_matching": m0004,
  "0005_audit_log_forget_actor": m0005,
  "0006_outcomes": m0006,
  "0007_outcome_dashboard": m0007,
  "0008_outcome_changes": m0008,
  "0009_company_identity_changes": m0009,
  "0011_skill_evidence_levels": m0011,
  "0012_search_loose_terms": m0012,
  "0013_graduate_name_order": m0013,
  "0014_job_words": m0014,
  "0015_directory_indexes": m0015,
  "0016_board_filters_and_skill_changes": m0016,
  "0018_outbox": m0018,
  "0020_telegram_links": m0020,
  "0022_message_preferences": m0022,
  "0023_password_reset_kinds": m0023,
  "0024_survey_campaigns": m0024,
  "0025_outbox_due_at": m0025,
  "0027_bulk_actions": m0027,
  "0028_team_notes_and_conversations": m0028,
  "0029_interview_slots_and_offers": m0029,
  "0030_notifications_via_digest": m0030,
  "0031_staff_scopes": m0031,
  "0032_two_step": m0032,
  "0033_data_retention": m0033,
  "0034_saved_reports": m0034,
  "0035_page_changes": m0035,
  "0037_dashboard_indexes": m0037,
  "0038_staff_pages_speed": m0038,
  "0039_graduate_email_lookup": m0039,
  "0042_application_event_steps": m0042,
  "0044_page_list_triggers_on_change": m0044,
  "0045_report_names_and_search_totals": m0045,
};
