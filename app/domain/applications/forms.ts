// The apply form's fields, shared by the apply action and the demo generator (db/seed), so a
// seeded application holds only what the form would accept. Safe in the browser.
import { z } from "zod";
import { optionalText } from "~/utils/fields";
import { NOTE_MAX } from "./pipeline";

export const ApplySchema = z.object({ note: optionalText(NOTE_MAX) });
