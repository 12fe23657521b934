// schema.org JobPosting for a vacancy page (search engines' job listings). Pure: takes the
// vacancy as getVacancy (app/models/vacancies.server.ts) reads it.
import type { EmploymentType, WorkMode } from "@db/schema";

/** The fields of a vacancy the posting is made of. */
export type JobPostingSource = {
  id: number;
  title: string;
  description: string;
  published_at: string | null;
  created_at: string;
  employment_type: EmploymentType;
  work_mode: WorkMode;
  company_name: string;
  company_website: string | null;
  openings: number;
  deadline: string | null;
  city: string | null;
  region_en: string | null;
  salary_hidden: number;
  salary_min: number | null;
  salary_max: number | null;
  skills: { name_en: string }[];
};

const JOB_POSTING_TYPES: Record<EmploymentType, string> = {
  full_time: "FULL_TIME",
  part_time: "PART_TIME",
  internship: "INTERN",
  apprenticeship: "OTHER",
  contract: "CONTRACTOR",
};

/** schema.org JobPosting for a vacancy page, as a string safe inside <script> ("<" escaped). */
export function jobPostingJsonLd(v: JobPostingSource, origin: string): string {
  const posting: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: v.title,
    description: v.description,
    datePosted: (v.published_at ?? v.created_at).slice(0, 10),
    employmentType: JOB_POSTING_TYPES[v.employment_type],
    hiringOrganization: {
      "@type": "Organization",
      name: v.company_name,
      ...(v.company_website && /^https?:\/\//i.test(v.company_website) ? { sameAs: v.company_website } : {}),
    },
    url: `${origin}/vacancies/${v.id}`,
    identifier: { "@type": "PropertyValue", name: v.company_name, value: String(v.id) },
    totalJobOpenings: v.openings,
  };
  if (v.deadline) posting.validThrough = `${v.deadline}T23:59:59+06:00`;
  const address = {
    "@type": "PostalAddress",
    ...(v.city ? { addressLocality: v.city } : {}),
    ...(v.region_en ? { addressRegion: v.region_en } : {}),
    addressCountry: "KG",
  };
  if (v.work_mode === "remote") {
    posting.jobLocationType = "TELECOMMUTE";
    posting.applicantLocationRequirements = { "@type": "Country", name: "KG" };
  } else {
    posting.jobLocation = { "@type": "Place", address };
  }
  if (!v.salary_hidden && (v.salary_min !== null || v.salary_max !== null)) {
    const value: Record<string, unknown> = { "@type": "QuantitativeValue", unitText: "MONTH" };
    if (v.salary_min !== null && v.salary_max !== null && v.salary_min !== v.salary_max) {
      value.minValue = v.salary_min;
      value.maxValue = v.salary_max;
    } else value.value = v.salary_min ?? v.salary_max;
    posting.baseSalary = { "@type": "MonetaryAmount", currency: "KGS", value };
  }
  if (v.skills.length) posting.skills = v.skills.map((s) => s.name_en).join(", ");
  return JSON.stringify(posting)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
