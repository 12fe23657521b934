// The message keys this module reports with. They live in app/i18n/areas/csv-import.ts in
// three languages; the routes translate them, so a key missing there is a type error.
import type { Vars } from "~/i18n/translate";

/** Problems that reject a whole file: nothing is staged, nothing is written. */
export type CsvFileProblemKey =
  | "import.error.empty"
  | "import.error.tooLarge"
  | "import.error.tooManyRows"
  | "import.error.spreadsheet"
  | "import.error.binary"
  | "import.error.encoding"
  | "import.error.utf16"
  | "import.error.unclosedQuote"
  | "import.error.badQuote"
  | "import.error.missingColumns"
  | "import.error.duplicateColumn"
  | "import.error.noRows";

/** Why one line is rejected or counted as a duplicate. */
export type CsvLineReasonKey =
  | "import.reason.lastNameRequired"
  | "import.reason.firstNameRequired"
  | "import.reason.lastNameTooLong"
  | "import.reason.firstNameTooLong"
  | "import.reason.lastNameInvalid"
  | "import.reason.firstNameInvalid"
  | "import.reason.sexInvalid"
  | "import.reason.emailInvalid"
  | "import.reason.phoneInvalid"
  | "import.reason.extraValues"
  | "import.reason.duplicateInFile"
  | "import.reason.duplicateEmailInFile"
  | "import.reason.duplicateInCohort"
  | "import.reason.duplicateEmail";

export type CsvMessage<K extends string> = { key: K; vars?: Vars };
export type CsvFileProblem = CsvMessage<CsvFileProblemKey>;
export type CsvLineReason = CsvMessage<CsvLineReasonKey>;
