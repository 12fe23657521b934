// The directory's full-text index (graduates_fts): its writer lives with the job board's in
// app/models/search-index.server.ts (one layout, one rebuild; docs/decisions/045).
export { refreshGraduateSearch } from "./search-index.server";
