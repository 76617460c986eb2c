import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { DocumentFormat } from "@/lib/ingest/blocks";
import { embeddingVector, tsvector } from "./columns";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const SOURCE_STATUSES = ["queued", "processing", "ready", "failed"] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];
export const INGEST_STAGES = ["parsing", "chunking", "embedding", "storing"] as const;
export type IngestStage = (typeof INGEST_STAGES)[number];

/** An uploaded document. The same bytes twice are one source (sha256 is unique). */
export const sources = pgTable(
  "sources",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    mimeType: text().notNull(),
    format: text().$type<DocumentFormat>().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull().unique(),
    status: text().$type<SourceStatus>().notNull().default("queued"),
    stage: text().$type<IngestStage>(),
    progress: real().notNull().default(0),
    error: text(),
    chunkCount: integer().notNull().default(0),
    embeddingModel: text(),
    // The source row is its own ingest job (see lib/ingest/job-queue.ts): these columns schedule it.
    attempts: integer().notNull().default(0),
    runAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    leaseToken: uuid(),
    leaseExpiresAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("sources_job_queue_idx")
      .on(t.status, t.runAfter)
      .where(sql`${t.status} in ('queued', 'processing')`),
    check("sources_status_check", sql`${t.status} in ('queued', 'processing', 'ready', 'failed')`),
    check("sources_progress_check", sql`${t.progress} between 0 and 1`),
    index("sources_created_at_idx").on(t.createdAt.desc()),
  ],
);

/** The original bytes of a source, kept apart so listing sources never reads them. */
export const sourceFiles = pgTable("source_files", {
  sourceId: uuid()
    .primaryKey()
    .references(() => sources.id, { onDelete: "cascade" }),
  bytes: bytea().notNull(),
});

/** A retrievable piece of a source, with its embedding and full-text vector. */
export const chunks = pgTable(
  "chunks",
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    ordinal: integer().notNull(),
    content: text().notNull(),
    tokenCount: integer().notNull(),
    page: integer(),
    headingPath: text().array().notNull().default(sql`'{}'::text[]`),
    contentHash: text().notNull(),
    embedding: embeddingVector(),
    embeddingModel: text(),
    tsv: tsvector().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Re-running an ingest job replaces rows by (source, ordinal): never a duplicate chunk.
    unique("chunks_source_ordinal_unique").on(t.sourceId, t.ordinal),
    index("chunks_tsv_idx").using("gin", t.tsv),
  ],
);

/** A chat thread; sourceIds limits it to chosen sources (null: all). */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull().default("New conversation"),
    sourceIds: uuid().array(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("conversations_updated_at_idx").on(t.updatedAt.desc())],
);

/** One chat message, stored as AI SDK UI message parts. */
export const messages = pgTable(
  "messages",
  {
    id: text().primaryKey(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    role: text().$type<"system" | "user" | "assistant">().notNull(),
    parts: jsonb().$type<unknown[]>().notNull(),
    metadata: jsonb().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("messages_conversation_created_idx").on(t.conversationId, t.createdAt)],
);

export interface RetrievedChunkTrace {
  chunkId: string;
  score: number;
}

/** One row per answered question: what was retrieved, which model answered, how long each stage took. */
export const traces = pgTable(
  "traces",
  {
    id: uuid().primaryKey().defaultRandom(),
    conversationId: uuid().references(() => conversations.id, { onDelete: "set null" }),
    messageId: text(),
    query: text().notNull(),
    rewrittenQuery: text(),
    retrieved: jsonb().$type<RetrievedChunkTrace[]>().notNull().default([]),
    model: text().notNull(),
    promptTokens: integer(),
    completionTokens: integer(),
    cacheHit: boolean().notNull().default(false),
    retrievalMs: integer(),
    firstTokenMs: integer(),
    totalMs: integer(),
    validation: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    createdAt: createdAt(),
  },
  (t) => [index("traces_created_at_idx").on(t.createdAt.desc())],
);

/** Embeddings already computed, so re-indexing unchanged text costs nothing. */
export const embeddingCache = pgTable(
  "embedding_cache",
  {
    model: text().notNull(),
    contentHash: text().notNull(),
    embedding: embeddingVector().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.model, t.contentHash] })],
);

/** Exact-match answers by model and full prompt, with an expiry. */
export const responseCache = pgTable(
  "response_cache",
  {
    model: text().notNull(),
    promptHash: text().notNull(),
    response: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.promptHash] }),
    index("response_cache_expires_idx").on(t.expiresAt),
  ],
);
