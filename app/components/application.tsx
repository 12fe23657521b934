// Pieces of an application shared by the graduate's and the employer's pages: its status,
// its history, and the snapshot of what was sent (rendered from the stored copy only).
import type { ApplicationEventStep, ApplicationStatus } from "@db/schema";
import { formatDate, formatDateTime } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { languageName } from "~/domain/profile/options";
import { evidenceGroup } from "~/domain/profile/skill-evidence";
import { sortByShownName } from "~/domain/search/name-order";
import type { SnapshotView } from "~/domain/applications/snapshot";
import { ProjectCard } from "./project-card";
import { fromSources, SkillEvidence } from "./skill-evidence";

const PILL: Record<ApplicationStatus, string> = {
  invited: "pill pill--warn",
  applied: "pill",
  screening: "pill",
  interview: "pill pill--warn",
  offer: "pill pill--warn",
  hired: "pill pill--ok",
  rejected: "pill pill--error",
  withdrawn: "pill pill--error",
};

export function StatusPill({ status }: { status: ApplicationStatus }) {
  const { t } = useT();
  return <span className={PILL[status]}>{t(`applications.status.${status}`)}</span>;
}

type HistoryEvent = {
  id: number;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  note: string | null;
  interview_at: string | null;
  interview_place: string | null;
  /** An undo (docs/decisions/059-bulk-decisions-and-undo.md): the event it takes back. */
  undoes_event_id: number | null;
  /** A step inside the interview stage (decision 075); null for a move between stages and older rows. */
  step: ApplicationEventStep | null;
  created_at: string;
  actor_name: string | null;
};

export function InterviewDetails({ at, place }: { at: string | null; place: string | null }) {
  const { t, lang } = useT();
  return (
    <>
      {at ? <p>{t("applications.interviewWhen", { time: formatDateTime(lang, at) })}</p> : null}
      {place ? (
        <p className="application-place">
          {/^https?:\/\//i.test(place) ? (
            <>
              {t("applications.interviewWhere", { place: "" })}
              <a href={place} rel="noopener noreferrer nofollow">
                {place}
              </a>
            </>
          ) : (
            t("applications.interviewWhere", { place })
          )}
        </p>
      ) : null}
    </>
  );
}

export function ApplicationHistory({ events }: { events: HistoryEvent[] }) {
  const { t, lang } = useT();
  const status = (s: ApplicationStatus) => t(`applications.status.${s}`);
  // An undone move and its undo read as such, not as two ordinary moves (REVIEW18; decision 059).
  const undone = new Set(events.map((e) => e.undoes_event_id).filter((id) => id !== null));
  const move = (e: HistoryEvent) =>
    e.undoes_event_id !== null && e.from_status
      ? t("fix18.history.undo", { from: status(e.from_status), to: status(e.to_status) })
      : e.from_status === e.to_status
        ? // A step inside a stage says what happened, not «Interview → Interview» (decision 075).
          e.step
          ? t(`applications.step.${e.step}`)
          : status(e.to_status)
        : e.from_status
          ? `${status(e.from_status)} → ${status(e.to_status)}`
          : status(e.to_status);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("applications.history")}</h2>
      <ol className="application-history">
        {events.map((e) => (
          <li key={e.id}>
            <p>
              <time dateTime={e.created_at}>{formatDateTime(lang, e.created_at)}</time>
              {" · "}
              <strong>{move(e)}</strong>
              {undone.has(e.id) ? <span className="small muted"> ({t("fix18.history.undone")})</span> : null}
              {e.actor_name ? <span className="small muted"> · {t("applications.eventBy", { name: e.actor_name })}</span> : null}
            </p>
            {e.interview_at || e.interview_place ? <InterviewDetails at={e.interview_at} place={e.interview_place} /> : null}
            {e.note ? <p className="application-note">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Exactly what was sent: only the stored copy is read, never the current profile. A copy of an
 * older version shows the parts it has (docs/decisions/007-application-snapshots.md).
 */
export function ApplicationSnapshotView({ snapshot, note, heading }: { snapshot: SnapshotView | "unreadable" | null; note: string | null; heading: string }) {
  const { t, lang } = useT();
  if (!snapshot || snapshot === "unreadable") {
    return (
      <section aria-labelledby="snapshot-title">
        <h2 id="snapshot-title">{heading}</h2>
        <p className="muted">{t(snapshot ? "applications.snapshotUnreadable" : "applications.notSentYet")}</p>
        {snapshot && note ? (
          <>
            <h3>{t("applications.coverNote")}</h3>
            <p className="application-note">{note}</p>
          </>
        ) : null}
      </section>
    );
  }
  const g = snapshot.graduate;
  const facts = [
    g.modulesCompleted !== null && g.modulesTotal !== null ? t("applications.modulesDone", { n: g.modulesCompleted, total: g.modulesTotal }) : null,
    g.englishLevel ? t("applications.english", { level: g.englishLevel === "native" ? t("languages.native") : g.englishLevel }) : null,
    g.certificate ? (
      <>
        {t("applications.certificate", { number: g.certificate.number })}
        {g.certificate.date ? `, ${formatDate(lang, g.certificate.date)}` : ""}
        {g.certificate.verified ? (
          <>
            {" "}
            <span className="badge-verified">{t("public.verifiedBadge")}</span>
          </>
        ) : null}
      </>
    ) : null,
  ].filter((fact) => fact !== null);
  const where = [g.school ? pick(g.school, "name", lang) : null, g.graduationDate ? formatDate(lang, g.graduationDate) : null, g.city]
    .filter(Boolean)
    .join(" · ");
  return (
    <section aria-labelledby="snapshot-title" className="application-snapshot">
      <h2 id="snapshot-title">{heading}</h2>
      {snapshot.takenAt ? <p className="small muted">{t("applications.snapshotTaken", { date: formatDate(lang, snapshot.takenAt) })}</p> : null}
      <div className="card stack">
        {g.name ? <h3>{g.name}</h3> : null}
        {g.headline ? <p className="lead">{g.headline}</p> : null}
        {where ? <p className="small">{where}</p> : null}
        {g.contacts && (g.contacts.email || g.contacts.phone || g.contacts.telegram) ? (
          <>
            <h4>{t("public.contacts")}</h4>
            <ul className="link-list">
              {g.contacts.email ? (
                <li>
                  <a href={`mailto:${g.contacts.email}`}>{g.contacts.email}</a>
                </li>
              ) : null}
              {g.contacts.phone ? (
                <li>
                  <a href={`tel:${g.contacts.phone.replace(/[^+\d]/g, "")}`}>{g.contacts.phone}</a>
                </li>
              ) : null}
              {g.contacts.telegram ? <li>Telegram: {g.contacts.telegram}</li> : null}
            </ul>
          </>
        ) : null}
        {note ? (
          <>
            <h4>{t("applications.coverNote")}</h4>
            <p className="application-note">{note}</p>
          </>
        ) : null}
        {g.about ? <p className="application-note">{g.about}</p> : null}
        {snapshot.skills.length ? (
          <>
            <h4>{t("public.skills")}</h4>
            <ul className="skill-list">
              {/* As the profile lists them (docs/decisions/050-skill-chips-order.md); older snapshots have one pair. */}
              {sortByShownName(snapshot.skills, lang, (s) => evidenceGroup(s.pairs?.length ? s.pairs : [{ level: s.level, evidence: s.evidence }])).map((s) => {
                const verified = s.evidence === "staff" || s.evidence === "module";
                return (
                  <li key={s.id} className={verified ? "is-verified" : undefined}>
                    {/* Each (level, evidence) pair; older snapshots have only the declared level and its evidence. */}
                    {pick(s, "name", lang)} ·{" "}
                    {s.pairs?.length ? (
                      <SkillEvidence pairs={fromSources(s.pairs)} />
                    ) : (
                      <>
                        {t(`skills.level.${s.level}`)} · {t(`skills.source.${s.evidence}`)}
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {snapshot.languages.length ? (
          <>
            <h4>{t("public.languages")}</h4>
            <ul className="skill-list">
              {snapshot.languages.map((l) => (
                <li key={l.language}>
                  {languageName(t, l.language)}: {l.level === "native" ? t("languages.native") : l.level}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {facts.length ? (
          <p className="small">
            {facts.map((fact, i) => (
              <span key={i}>
                {i > 0 ? <br /> : null}
                {fact}
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <h3>{t("public.projects")}</h3>
      {snapshot.projects.length ? (
        <div className="stack">
          {snapshot.projects.map((p) => (
            <ProjectCard key={p.id} project={p} headingLevel={3} />
          ))}
        </div>
      ) : (
        <p className="muted">{t("applications.noProjects")}</p>
      )}
    </section>
  );
}
