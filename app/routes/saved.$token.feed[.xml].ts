// /saved/:token/feed.xml: a saved search's private feed (feed readers and chat bots follow it).
// The token is the only key: unknown tokens are a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/config.server";
import { getDb } from "~/db.server";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { savedSearchByToken } from "~/models/saved-searches.server";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { FEED_SIZE, getFeedItems, searchVacancies } from "~/models/board.server";
import { renderRss } from "~/domain/vacancies/feed";
import { rssResponse } from "~/utils/rss.server";
import { closeExpiredVacancies } from "~/models/vacancies.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const search = await savedSearchByToken(db, params.token ?? "");
  if (!search) notFound();
  await closeExpiredVacancies(db);
  const t = serverT(langOf(request));
  const origin = publicOrigin();
  const query = parseBoardQuery(search.query);
  const result = await searchVacancies(db, { ...query, sort: "newest", page: 1, pageSize: FEED_SIZE });
  const items = await getFeedItems(
    db,
    result.items.map((v) => v.id),
  );
  return rssResponse(
    renderRss(
      {
        title: `${search.name} · ${t("vacancies.title")} · ${t("brand.name")}`,
        description: t("vacancies.savedFeedDescription", { name: search.name }),
        link: `${origin}/vacancies${search.query ? `?${search.query}` : ""}`,
        self: `${origin}/saved/${params.token}/feed.xml`,
        items,
      },
      origin,
    ),
    { private: true },
  );
}
