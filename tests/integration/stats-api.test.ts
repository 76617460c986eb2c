import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chunks } from "@/db/schema";
import { contentHash } from "@/lib/ai/content-hash";
import { DATABASE_TARGETS, useAppUnderTest } from "../helpers/app-under-test";

const load = async () => ({
  stats: await import("@/app/api/stats/route"),
  sources: await import("@/db/queries/sources"),
  database: await import("@/lib/database"),
});

for (const target of DATABASE_TARGETS) {
  describe.skipIf(!target.available)(`the stats API [${target.kind}]`, () => {
    const app = useAppUnderTest(target.kind, { load });

    async function totals() {
      const response = await app.modules.stats.GET();
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      return (await response.json()).totals;
    }

    async function storeSource(name: string, sizeBytes: number, passages: string[]) {
      const { db } = await app.modules.database.getDatabase();
      const { source } = await app.modules.sources.insertSourceWithFile({
        db,
        source: { name, mimeType: "text/plain", format: "text", sizeBytes, sha256: contentHash(name) },
        bytes: new Uint8Array(sizeBytes),
      });
      if (passages.length > 0) {
        await db.insert(chunks).values(
          passages.map((content, ordinal) => ({
            sourceId: source.id,
            ordinal,
            content,
            tokenCount: 5,
            contentHash: contentHash(content),
            tsv: sql`to_tsvector('english', ${content})`,
          })),
        );
      }
      return source.id;
    }

    it("counts nothing in an empty library", async () => {
      expect(await totals()).toEqual({ sources: 0, chunks: 0, fileBytes: 0 });
    });

    it("counts sources, their stored chunks and the bytes of their files, and forgets deleted ones", async () => {
      const manual = await storeSource("manual.txt", 1200, ["One.", "Two.", "Three."]);
      await storeSource("queued.txt", 34, []);

      expect(await totals()).toEqual({ sources: 2, chunks: 3, fileBytes: 1234 });

      const { db } = await app.modules.database.getDatabase();
      expect(await app.modules.sources.deleteSourceById({ db, id: manual })).toBe(true);
      expect(await totals()).toEqual({ sources: 1, chunks: 0, fileBytes: 34 });
    });
  });
}
