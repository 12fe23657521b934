// One portfolio project, read-only: for the graduate's own list, the public profile and
// what an application sends. Pages that show it add `projectCardLinks()` to their links.
import type { LinkDescriptor } from "@remix-run/node";
import type { ReactNode } from "react";
import { sortByShownName } from "~/domain/search/name-order";
import { formatMonth } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import portfolioStyles from "~/styles/portfolio.css";

export type ProjectCardSkill = { id: number; name_ky: string; name_ru: string; name_en: string };
export type ProjectCardImage = { file_name: string; alt: string; width: number; height: number };
export type ProjectCardProject = {
  title: string;
  summary: string | null;
  description: string | null;
  role: string | null;
  repo_url: string | null;
  demo_url: string | null;
  /** YYYY-MM (a full YYYY-MM-DD date is shown by its month). */
  started_on: string | null;
  finished_on: string | null;
  skills: ProjectCardSkill[];
  images: ProjectCardImage[];
};

export type ProjectCardProps = {
  project: ProjectCardProject;
  /** The heading level of the project's title within the page (default 2). */
  headingLevel?: 2 | 3;
  /** Show the long description (default true; lists may show only the summary). */
  showDescription?: boolean;
  /** Extra content under the card (e.g. the owner's edit and ordering controls). */
  children?: ReactNode;
};

/** The stylesheet the card needs, for a route's `links` export. */
export function projectCardLinks(): LinkDescriptor[] {
  return [{ rel: "stylesheet", href: portfolioStyles }];
}

/** Where stored images are served (see routes/uploads.$file.ts). */
export function uploadUrl(fileName: string): string {
  return `/uploads/${encodeURIComponent(fileName)}`;
}

/** Fits an image into a thumbnail box, keeping its proportions (the width/height attributes). */
export function thumbnailSize(image: { width: number; height: number }, box = { width: 320, height: 240 }) {
  const scale = Math.min(1, box.width / image.width, box.height / image.height);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

/** Plain text to paragraphs: an empty line starts a new one, single line breaks are kept. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split(/\r?\n/).map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

export function ProjectCard({ project, headingLevel = 2, showDescription = true, children }: ProjectCardProps) {
  const { t, lang } = useT();
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const start = project.started_on ? formatMonth(lang, project.started_on) : null;
  const end = project.finished_on ? formatMonth(lang, project.finished_on) : null;
  const dates = start && end ? (start === end ? start : t("portfolio.card.range", { start, end })) : start ? t("portfolio.card.since", { start }) : end;
  const links = [
    project.repo_url ? { href: project.repo_url, label: t("portfolio.card.repo") } : null,
    project.demo_url ? { href: project.demo_url, label: t("portfolio.card.demo") } : null,
  ].filter((l): l is { href: string; label: string } => l !== null);
  return (
    <article className="project-card">
      <Heading>{project.title}</Heading>
      {project.summary ? <p className="project-card__summary lead">{project.summary}</p> : null}
      {project.role || dates || project.skills.length ? (
        <dl className="project-card__meta">
          {project.role ? (
            <>
              <dt>{t("portfolio.card.role")}</dt>
              <dd>{project.role}</dd>
            </>
          ) : null}
          {dates ? (
            <>
              <dt>{t("portfolio.card.dates")}</dt>
              <dd>{dates}</dd>
            </>
          ) : null}
          {project.skills.length ? (
            <>
              <dt>{t("portfolio.card.skills")}</dt>
              <dd>
                <ul className="project-card__skills">
                  {/* In the order of the names shown (docs/decisions/050-skill-chips-order.md). */}
                  {sortByShownName(project.skills, lang).map((s) => (
                    <li key={s.id}>{s[`name_${lang}`]}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {showDescription && project.description ? <Paragraphs text={project.description} /> : null}
      {links.length ? (
        <ul className="project-card__links">
          {links.map((l) => (
            <li key={l.label}>
              <a href={l.href} target="_blank" rel="noopener noreferrer nofollow">
                {l.label}
                <span className="project-card__sr"> {t("portfolio.card.newTab")}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {project.images.length ? (
        <ul className="thumbs" aria-label={t("portfolio.card.gallery", { title: project.title })}>
          {project.images.map((image) => {
            const size = thumbnailSize(image);
            return (
              <li key={image.file_name}>
                <a href={uploadUrl(image.file_name)}>
                  <img src={uploadUrl(image.file_name)} alt={image.alt} width={size.width} height={size.height} loading="lazy" decoding="async" />
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
      {children}
    </article>
  );
}
