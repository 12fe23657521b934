import type { MessageKey } from "~/i18n/messages/en";
import type { Vars } from "~/i18n/translate";

/** A field's error: a catalog key, with variables when the message needs them. */
export type FieldError = MessageKey | readonly [MessageKey, Vars];
export type FieldErrors = Partial<Record<string, FieldError>>;
export type FormFailureData = { ok: false; errors: FieldErrors; values: Record<string, string> };
