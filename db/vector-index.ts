import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "./database";

export interface EmbeddingSpace {
  model: string;
  dimensions: number;
}

/** The name of the HNSW index that serves one embedding model; stable for the same model and size. */
export function vectorIndexName({ model, dimensions }: EmbeddingSpace): string {
  const modelHash = createHash("sha256").update(model).digest("hex").slice(0, 10);
  return `chunks_embedding_hnsw_${dimensions}_${modelHash}`;
}

/**
 * The WHERE clause of a model's partial index. Search queries must repeat it word for word for the
 * planner to use the index. The size is part of it because some models (text-embedding-3-*) give
 * vectors of several sizes under one name: rows of another size must stay out of the cast.
 */
export function vectorIndexPredicate({ model, dimensions }: EmbeddingSpace): string {
  return `embedding_model = '${model.replaceAll("'", "''")}' AND vector_dims(embedding) = ${dimensions}`;
}

/**
 * Creates (once) the partial HNSW index for the configured embedding model. The embedding column has
 * no fixed dimension, so each model is indexed over `embedding::vector(N)` restricted to its own rows;
 * search queries use the same expression and predicate. DDL takes no parameters, hence the literal.
 */
export async function ensureVectorIndex(db: Database, space: EmbeddingSpace): Promise<void> {
  if (!Number.isInteger(space.dimensions) || space.dimensions < 1 || space.dimensions > 2000) {
    throw new Error(`Embedding dimensions must be a whole number from 1 to 2000, got ${space.dimensions}`);
  }
  await db.execute(
    sql.raw(
      `CREATE INDEX IF NOT EXISTS ${vectorIndexName(space)} ON chunks USING hnsw ` +
        `((embedding::vector(${space.dimensions})) vector_cosine_ops) WHERE ${vectorIndexPredicate(space)}`,
    ),
  );
}
