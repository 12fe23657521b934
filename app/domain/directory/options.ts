// The directory's sort orders, shared by the filter form (browser) and the search (server).
export const DIRECTORY_SORTS = ["relevance", "recent", "name", "available"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
