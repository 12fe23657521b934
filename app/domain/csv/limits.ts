/** A file above this size is refused whole (2 MB holds ~30,000 typical lines). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** At most this many data lines (blank lines do not count). */
export const MAX_DATA_ROWS = 10_000;
/** Names: 1 to this many characters. */
export const MAX_NAME_LENGTH = 80;
