import { tableTranslator } from "@/lib/i18n/table-translator";
import type { upload } from "@/lib/i18n/upload";

export type UploadKey = keyof (typeof upload)["en"];
/** The upload strings of one locale, as a server component passes them to the upload controls. */
export type UploadStrings = Record<UploadKey, string>;
export type UploadTranslate = (key: UploadKey, vars?: Record<string, string | number>) => string;

/**
 * Looks up upload strings and fills `{name}` placeholders. The controls get only this table of one
 * locale, not every catalog; when the app-wide `useT()` arrives, this is the one place to swap.
 */
export function uploadTranslator(strings: UploadStrings): UploadTranslate {
  return tableTranslator(strings);
}
