import { customType } from "drizzle-orm/pg-core";
import pgvector from "pgvector";

/**
 * A pgvector column without a fixed dimension. Sources embedded by different models (and so
 * different dimensions) live side by side; each model gets its own partial HNSW index over
 * `embedding::vector(N)` (see db/vector-index.ts), so changing the model never needs a rewrite.
 */
export const embeddingVector = customType<{ data: number[]; driverData: string }>({
  dataType: () => "vector",
  toDriver: (value) => pgvector.toSql(value) as string,
  fromDriver: (value) => pgvector.fromSql(value) as number[],
});

/** A Postgres tsvector, written by the app so CJK text can be segmented before indexing. */
export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});
