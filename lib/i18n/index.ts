import { admin } from "./admin";
import { auth } from "./auth";
import { chat } from "./chat";
import { common } from "./common";
import type { Locale } from "./locale";
import { tableTranslator } from "./table-translator";
import { upload } from "./upload";

/**
 * Every UI string, by locale. Each area keeps its strings in its own file ({ en, zh } with the same
 * keys, so a missing translation is a type error) and is merged here.
 */
const catalogs = [common, admin, auth, chat, upload] as const;

type Catalog = (typeof catalogs)[number]["en"];
type Merge<T> = (T extends unknown ? (value: T) => void : never) extends (value: infer I) => void ? I : never;
export type Messages = { [K in keyof Merge<Catalog>]: string };
export type MessageKey = keyof Messages;

const merged = (locale: Locale) =>
  Object.assign({}, ...catalogs.map((catalog) => catalog[locale])) as Messages;

const messages: Record<Locale, Messages> = { en: merged("en"), zh: merged("zh") };

/** Every string of one locale, as the root layout hands them to client components. */
export const messagesFor = (locale: Locale): Messages => messages[locale];

/** The strings of one locale; `vars` fill `{name}` placeholders. */
export function translator(locale: Locale) {
  return tableTranslator<MessageKey>(messages[locale]);
}

export type Translate = ReturnType<typeof translator>;
export { isLocale, LOCALE_COOKIE, LOCALES, type Locale, pickLocale } from "./locale";
