// The actions and entities the audit log records, so the audit page can name them in the
// reader's language. An action missing here is still shown, by its code.
export const AUDIT_ACTIONS = [
  "graduate.enrol",
  "invitation.renew",
  "invitation.reissue",
  "graduate.import",
  "graduate.join",
  "graduate.delete-account",
  "cohort.create",
  "module.verify",
  "module.unverify",
  "certificate.verify",
  "skill.verify",
  "company.verify",
  "company.reject",
  "company.trust",
  "company.untrust",
  "company.identity-request",
  "company.identity-approve",
  "company.identity-reject",
  "company.identity-withdraw",
  "company.identity-change",
  "vacancy.approve",
  "vacancy.reject",
  "password-reset.create",
  "user.create-staff",
  "personal-data.export",
  "outcomes.export",
  "follow-up.export",
  "survey-link.create",
  "outcome.record",
  "outcome.correct",
  "outcome.link-employer",
  "school.create",
  "school.update",
  "module.update",
  "skill.create",
  "skill.update",
  "skill.merge",
  "skill-category.create",
  "job-words.create",
  "job-words.update",
  "job-words.delete",
  "settings.certificate",
  "demo.remove",
] as const;

export const AUDIT_ENTITIES = [
  "graduate",
  "csv_import",
  "cohort",
  "company",
  "vacancy",
  "user",
  "school",
  "module",
  "skill",
  "skill_category",
  "job_word_class",
  "settings",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const isKnownAuditAction = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);
export const isKnownAuditEntity = (e: string): e is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(e);
