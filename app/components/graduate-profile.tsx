// The parts of a graduate's profile shared by the portfolio page and the printable CV.
import { formatDate } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { namesOf, placeText } from "~/domain/place";
import { useT } from "~/i18n/use-t";
import { languageName } from "~/domain/profile/options";
import { evidenceGroup } from "~/domain/profile/skill-evidence";
import { sortByShownName } from "~/domain/search/name-order";
import type { PublicProfile } from "~/models/public-profile.server";
import { fromSources, SkillEvidence } from "./skill-evidence";

type Data = Pick<PublicProfile, "graduate" | "languages" | "skills" | "modules" | "certificateName" | "today">;

export function ProfileHeader({ data }: { data: Data }) {
  const { t, lang } = useT();
  const g = data.graduate;
  const place = placeText(lang, g.city, namesOf(g.region, "name"));
  return (
    <header className="profile-head">
      {g.photo ? (
        <img className="avatar" src={`/uploads/${g.photo}`} alt={t("profile.photoAlt", { name: g.name })} width={96} height={96} />
      ) : (
        <span className="avatar avatar--placeholder" aria-hidden="true">
          {g.firstName.slice(0, 1)}
        </span>
      )}
      <div>
        <h1>{g.name}</h1>
        {g.headline ? <p className="lead">{g.headline}</p> : null}
        <p className="small muted">
          {pick(g.school, "name", lang)} · {t("public.cohort", { date: formatDate(lang, g.graduationDate) })}
          {place ? ` · ${place}` : ""}
        </p>
      </div>
    </header>
  );
}

export function ProfileFacts({ data }: { data: Data }) {
  const { t, lang } = useT();
  const g = data.graduate;
  const availableNow = !g.availableFrom || g.availableFrom <= data.today;
  return (
    <ul className="skill-list">
      <li className={availableNow ? "is-verified" : undefined}>
        {availableNow ? t("public.availableNow") : t("public.available", { date: formatDate(lang, g.availableFrom!) })}
      </li>
      {g.willingToRelocate ? <li>{t("public.relocate")}</li> : null}
      {g.remotePreference ? <li>{t("public.remote", { mode: t(`profile.remote.${g.remotePreference}`) })}</li> : null}
    </ul>
  );
}

export function ProfileDetails({ data }: { data: Data }) {
  const { t, lang } = useT();
  const g = data.graduate;
  return (
    <>
      {g.contacts ? (
        <section aria-labelledby="contacts-title">
          <h2 id="contacts-title">{t("public.contacts")}</h2>
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
        </section>
      ) : null}
      {data.skills.length ? (
        <section aria-labelledby="skills-title">
          <h2 id="skills-title">{t("public.skills")}</h2>
          <ul className="skill-list">
            {/* Verified first, each group in the order of the names shown (docs/decisions/050-skill-chips-order.md). */}
            {sortByShownName(data.skills, lang, (s) => evidenceGroup(s.pairs)).map((s) => {
              // Green only when the level shown last (the highest) is itself verified (docs/decisions/022).
              const verified = s.evidence === "staff" || s.evidence === "module";
              return (
                <li key={s.id} className={verified ? "is-verified" : undefined}>
                  {pick(s, "name", lang)} · <SkillEvidence pairs={fromSources(s.pairs)} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {data.languages.length ? (
        <section aria-labelledby="languages-title">
          <h2 id="languages-title">{t("public.languages")}</h2>
          <ul className="skill-list">
            {data.languages.map((l) => (
              <li key={l.language}>
                {languageName(t, l.language)}: {l.level === "native" ? t("languages.native") : l.level}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.modules.length || g.certificate ? (
        <section aria-labelledby="modules-title">
          <h2 id="modules-title">{t("public.modules")}</h2>
          <p className="small">{t("modules.covered", { n: data.modules.length })}</p>
          <ul className="link-list small">
            {data.modules.map((m) => (
              <li key={m.id}>
                {m.number}. {pick(m, "title", lang)}
                {m.verified_at ? (
                  <>
                    {" "}
                    <span className="badge-verified">{t("public.verifiedBadge")}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {g.certificate ? (
            <p>
              {t("public.certificate", { name: data.certificateName })}: {g.certificate.number}
              {g.certificate.date ? `, ${formatDate(lang, g.certificate.date)}` : ""}
              {g.certificate.verified ? (
                <>
                  {" "}
                  <span className="badge-verified">{t("public.verifiedBadge")}</span>
                </>
              ) : null}
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
