import type { Metadata } from "next";
import { AccessMode } from "@/components/admin/access-mode";
import { AdminHeader } from "@/components/admin/admin-header";
import { adminTranslator } from "@/components/admin/admin-strings";
import { toSourceRow } from "@/components/admin/source-row";
import { SourcesPanel } from "@/components/admin/sources-panel";
import { TraceList } from "@/components/admin/trace-list";
import { getSourceTotals } from "@/db/queries/source-totals";
import { listSources } from "@/db/queries/sources";
import { listTraces } from "@/db/queries/traces";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { translator } from "@/lib/i18n";
import { getAdminLocale } from "./admin-locale";

export const dynamic = "force-dynamic";

const RECENT_TRACES = 20;

export async function generateMetadata(): Promise<Metadata> {
  const { strings } = await getAdminLocale();
  return { title: `${strings["admin.title"]} · Docent` };
}

/** /admin: totals, the sources table, and the recent questions with what they retrieved. */
export default async function AdminPage() {
  const { locale, strings } = await getAdminLocale();
  const t = adminTranslator(strings);
  const { db } = await getDatabase();
  const [sources, totals, traces] = await Promise.all([
    listSources({ db }),
    getSourceTotals({ db }),
    listTraces({ db, limit: RECENT_TRACES }),
  ]);

  return (
    <div lang={locale} className="min-h-dvh">
      <AdminHeader title={t("admin.title")} back={{ href: "/", label: t("admin.backToChat") }} />
      <main className="mx-auto flex max-w-7xl flex-col gap-10 px-4 py-6">
        <AccessMode protectedByPassword={Boolean(getConfig().adminPassword)} t={translator(locale)} />
        <SourcesPanel
          initialSources={sources.map(toSourceRow)}
          initialTotals={totals}
          locale={locale}
          strings={strings}
        />
        <section aria-labelledby="traces-heading" className="flex flex-col gap-4">
          <h2 id="traces-heading" className="text-lg font-semibold">
            {t("admin.traces.heading")}
          </h2>
          <TraceList traces={traces.traces} locale={locale} t={t} />
        </section>
      </main>
    </div>
  );
}
