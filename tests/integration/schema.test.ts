import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { chunks, sourceFiles, sources } from "@/db/schema";
import { ensureVectorIndex, vectorIndexName, vectorIndexPredicate } from "@/db/vector-index";
import { describeEachDatabase, TEST_EMBEDDING } from "../helpers/test-databases";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describeEachDatabase("database schema", (fixture) => {
  const db = () => fixture.connection.db;

  async function insertSource(name: string) {
    const [source] = await db()
      .insert(sources)
      .values({ name, mimeType: "text/plain", format: "text", sizeBytes: name.length, sha256: sha256(name) })
      .returning();
    if (!source) throw new Error("insert returned no row");
    return source;
  }

  async function insertChunk(sourceId: string, ordinal: number, content: string, embedding: number[]) {
    await db()
      .insert(chunks)
      .values({
        sourceId,
        ordinal,
        content,
        tokenCount: content.split(" ").length,
        contentHash: sha256(content),
        embedding,
        embeddingModel: TEST_EMBEDDING.model,
        tsv: sql`to_tsvector('english', ${content})`,
      });
  }

  /** The same shape the retrieval query uses: the model's expression, restricted to its rows. */
  function nearestNeighbours(query: number[]) {
    const literal = `[${query.join(",")}]`;
    return db().execute<{ content: string; distance: number }>(sql`
      select content, (embedding::vector(3) <=> ${literal}::vector(3)) as distance
      from chunks
      where ${sql.raw(vectorIndexPredicate(TEST_EMBEDDING))}
      order by embedding::vector(3) <=> ${literal}::vector(3)
      limit 3`);
  }

  beforeEach(async () => {
    await db().delete(sources);
  });

  it("orders chunks by cosine distance to the query embedding", async () => {
    const source = await insertSource("vectors.txt");
    await insertChunk(source.id, 0, "points along x", [1, 0, 0]);
    await insertChunk(source.id, 1, "points along y", [0, 1, 0]);
    await insertChunk(source.id, 2, "between x and y", [1, 1, 0]);
    await insertChunk(source.id, 3, "points along z", [0, 0, 1]);

    const result = await nearestNeighbours([0.9, 0.2, 0]);

    expect(result.rows.map((row) => row.content)).toEqual([
      "points along x",
      "between x and y",
      "points along y",
    ]);
    const distances = result.rows.map((row) => Number(row.distance));
    expect(distances[0]).toBeCloseTo(1 - 0.9 / Math.hypot(0.9, 0.2), 5);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("round-trips embeddings through the vector column", async () => {
    const source = await insertSource("roundtrip.txt");
    await insertChunk(source.id, 0, "exact values", [0.25, -0.5, 0.125]);
    const [row] = await db().select({ embedding: chunks.embedding }).from(chunks);
    expect(row?.embedding).toEqual([0.25, -0.5, 0.125]);
  });

  it("serves the model's nearest-neighbour query from its HNSW index", async () => {
    const source = await insertSource("indexed.txt");
    await insertChunk(source.id, 0, "one", [1, 0, 0]);
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ "QUERY PLAN": string }>(sql`
        explain select id from chunks
        where ${sql.raw(vectorIndexPredicate(TEST_EMBEDDING))}
        order by embedding::vector(3) <=> '[1,0,0]'::vector(3) limit 5`);
    });
    const text = plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain(vectorIndexName(TEST_EMBEDDING));
  });

  it("keeps embeddings of different sizes side by side, each model with its own index", async () => {
    const wide = { model: "test/5d", dimensions: 5 };
    await ensureVectorIndex(db(), wide);
    const source = await insertSource("two-models.txt");
    await insertChunk(source.id, 0, "three dimensions", [1, 0, 0]);
    await db()
      .insert(chunks)
      .values({
        sourceId: source.id,
        ordinal: 1,
        content: "five dimensions",
        tokenCount: 2,
        contentHash: sha256("five dimensions"),
        embedding: [0, 0, 0, 0, 1],
        embeddingModel: wide.model,
        tsv: sql`to_tsvector('english', 'five dimensions')`,
      });

    const narrow = await nearestNeighbours([1, 0, 0]);
    expect(narrow.rows.map((row) => row.content)).toEqual(["three dimensions"]);

    const indexes = await db().execute<{ indexname: string }>(
      sql`select indexname from pg_indexes where tablename = 'chunks' order by indexname`,
    );
    const names = indexes.rows.map((row) => row.indexname);
    expect(names).toContain(vectorIndexName(TEST_EMBEDDING));
    expect(names).toContain(vectorIndexName(wide));
  });

  it("keeps a model's vectors of another size out of its index (text-embedding-3 models change size)", async () => {
    const source = await insertSource("resized.txt");
    await insertChunk(source.id, 0, "three dimensions", [1, 0, 0]);
    await insertChunk(source.id, 1, "four dimensions, same model name", [1, 0, 0, 0]);
    const narrow = await nearestNeighbours([1, 0, 0]);
    expect(narrow.rows.map((row) => row.content)).toEqual(["three dimensions"]);
  });

  it("finds chunks by English full text, with stemming", async () => {
    const source = await insertSource("prose.txt");
    await insertChunk(source.id, 0, "The committee approved the running budget.", [1, 0, 0]);
    await insertChunk(source.id, 1, "Nothing relevant is written here.", [0, 1, 0]);

    const result = await db().execute<{ content: string }>(sql`
      select content from chunks
      where tsv @@ websearch_to_tsquery('english', 'approve runs')
      order by ts_rank_cd(tsv, websearch_to_tsquery('english', 'approve runs')) desc`);

    expect(result.rows.map((row) => row.content)).toEqual(["The committee approved the running budget."]);
  });

  it("deletes a source's chunks and stored file with it", async () => {
    const kept = await insertSource("kept.txt");
    const removed = await insertSource("removed.txt");
    for (const source of [kept, removed]) {
      await insertChunk(source.id, 0, `${source.name} text`, [1, 0, 0]);
      await db()
        .insert(sourceFiles)
        .values({ sourceId: source.id, bytes: new TextEncoder().encode(source.name) });
    }

    await db().delete(sources).where(eq(sources.id, removed.id));

    const remainingChunks = await db().select({ sourceId: chunks.sourceId }).from(chunks);
    expect(remainingChunks).toEqual([{ sourceId: kept.id }]);
    const files = await db().select().from(sourceFiles);
    expect(files.map((file) => file.sourceId)).toEqual([kept.id]);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe("kept.txt");
  });

  it("refuses a second source with the same content hash", async () => {
    await insertSource("same.txt");
    await expect(insertSource("same.txt")).rejects.toThrow();
    expect(await db().$count(sources)).toBe(1);
  });

  it("refuses two chunks at the same position of a source", async () => {
    const source = await insertSource("positions.txt");
    await insertChunk(source.id, 0, "first", [1, 0, 0]);
    await expect(insertChunk(source.id, 0, "again", [0, 1, 0])).rejects.toThrow();
  });

  it("refuses a status or progress outside the allowed range", async () => {
    const source = await insertSource("checked.txt");
    await expect(
      db().execute(sql`update sources set status = 'bogus' where id = ${source.id}`),
    ).rejects.toThrow();
    await expect(
      db().execute(sql`update sources set progress = 1.5 where id = ${source.id}`),
    ).rejects.toThrow();
  });

  it("migrates again without changes or errors", async () => {
    const count = async () =>
      (await db().execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))
        .rows[0]?.n;
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(2);
    const { migrate } =
      fixture.kind === "pglite"
        ? await import("drizzle-orm/pglite/migrator")
        : await import("drizzle-orm/node-postgres/migrator");
    // biome-ignore lint/suspicious/noExplicitAny: the migrator's parameter is the driver-specific database type
    await migrateDatabase(db(), (config) => migrate(db() as any, config), TEST_EMBEDDING);
    expect(await count()).toBe(before);
  });
});
