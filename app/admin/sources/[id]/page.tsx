import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminHeader } from "@/components/admin/admin-header";
import { adminTranslator } from "@/components/admin/admin-strings";
import { ChunkList } from "@/components/admin/chunk-list";
import { Pager } from "@/components/admin/pager";
import { SourceDetails } from "@/components/admin/source-details";
import { getSourceById, listChunksForSource } from "@/db/queries/sources";
import { getDatabase } from "@/lib/database";
import { getAdminLocale } from "../../admin-locale";

export const dynamic = "force-dynamic";

const CHUNKS_PER_PAGE = 20;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** The source a path names, or undefined: anything that is not a UUID names none. */
async function loadSource(params: Props["params"]) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return undefined;
  const { db } = await getDatabase();
  return getSourceById({ db, id: id.data });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [source, { strings }] = await Promise.all([loadSource(params), getAdminLocale()]);
  return { title: `${source?.name ?? strings["admin.notFound.title"]} · Docent` };
}

/** /admin/sources/:id?page=: a source's details and its chunks, a page at a time. */
export default async function SourcePage({ params, searchParams }: Props) {
  const [source, { locale, strings }] = await Promise.all([loadSource(params), getAdminLocale()]);
  if (!source) notFound();
  const t = adminTranslator(strings);

  const { db } = await getDatabase();
  const pages = Math.max(1, Math.ceil(source.chunkCount / CHUNKS_PER_PAGE));
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  const offset = (page - 1) * CHUNKS_PER_PAGE;
  const { chunks, total } = await listChunksForSource({
    db,
    sourceId: source.id,
    offset,
    limit: CHUNKS_PER_PAGE,
  });
  const href = (to: number) => `/admin/sources/${source.id}?page=${to}`;

  return (
    <div lang={locale} className="min-h-dvh">
      <AdminHeader title={source.name} back={{ href: "/admin", label: t("admin.source.back") }} />
      <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-6">
        <SourceDetails source={source} locale={locale} t={t} />
        <section aria-labelledby="chunks-heading" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="chunks-heading" className="text-lg font-semibold">
              {t("admin.chunks.heading")}
            </h2>
            {total > 0 ? (
              <p className="text-sm text-neutral-600 dark:text-neutral-400">
                {t("admin.chunks.range", { from: offset + 1, to: offset + chunks.length, total })}
              </p>
            ) : null}
          </div>
          {chunks.length === 0 ? (
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              {t("admin.chunks.empty", { status: t(`admin.status.${source.status}`) })}
            </p>
          ) : (
            <ChunkList chunks={chunks} locale={locale} t={t} />
          )}
          <Pager page={page} pages={pages} href={href} t={t} />
        </section>
      </main>
    </div>
  );
}
