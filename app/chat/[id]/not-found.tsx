import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import { translator } from "@/lib/i18n";
import { getRequestLocale } from "../../request-locale";

/** A link to a conversation that was deleted, or never was. */
export default async function ConversationNotFound() {
  const t = translator(await getRequestLocale());
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-xl font-semibold">{t("chat.notFound.title")}</h1>
      <p className="text-neutral-600 dark:text-neutral-400">{t("chat.notFound.body")}</p>
      <Link href="/" className={linkClass}>
        {t("chat.sidebar.new")}
      </Link>
    </main>
  );
}
