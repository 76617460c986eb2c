import { AdminHeader } from "@/components/admin/admin-header";
import { adminTranslator } from "@/components/admin/admin-strings";
import { getAdminLocale } from "../../admin-locale";

/** A source page for an id that names no source, e.g. one deleted since the link was made. */
export default async function SourceNotFound() {
  const { locale, strings } = await getAdminLocale();
  const t = adminTranslator(strings);
  return (
    <div lang={locale} className="min-h-dvh">
      <AdminHeader
        title={t("admin.notFound.title")}
        back={{ href: "/admin", label: t("admin.source.back") }}
      />
      <main className="mx-auto max-w-4xl px-4 py-6">
        <p className="text-neutral-600 dark:text-neutral-400">{t("admin.notFound.body")}</p>
      </main>
    </div>
  );
}
