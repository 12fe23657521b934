// /feed.xml: RSS 2.0 of the 50 newest open vacancies (docs/product.md §3, §11).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/config.server";
import { getDb } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { FEED_SIZE, recentOpenVacancies } from "~/models/board.server";
import { renderRss } from "~/domain/vacancies/feed";
import { rssResponse } from "~/utils/rss.server";
import { closeExpiredVacancies } from "~/models/vacancies.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = getDb();
  await closeExpiredVacancies(db);
  const t = serverT(langOf(request));
  const origin = publicOrigin();
  const items = await recentOpenVacancies(db, FEED_SIZE);
  // Replayed until which vacancies are listed, or one of those shown, changes (decision 069).
  const listed: string[] = [PIECES.vacancies];
  dependsOn(context, listed.concat(items.map((v) => PIECES.vacancy(v.id))));
  return rssResponse(
    renderRss(
      {
        title: `${t("vacancies.title")} · ${t("brand.name")}`,
        description: t("vacancies.lead"),
        link: `${origin}/vacancies`,
        self: `${origin}/feed.xml`,
        items,
      },
      origin,
    ),
  );
}
