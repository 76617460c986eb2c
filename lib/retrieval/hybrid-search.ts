import type { Database } from "@/db/database";
import { type ChunkMatch, searchChunksByText, searchChunksByVector } from "@/db/queries/search-chunks";
import type { EmbeddingSpace } from "@/db/vector-index";
import type { TextEmbedder } from "@/lib/ai/embedder";
import { toSearchText } from "@/lib/ingest/search-text";
import { reciprocalRankFusion } from "./reciprocal-rank-fusion";

/** A retrieved chunk, as the API and the prompt builder see it; `score` is higher for better matches. */
export interface SearchResult {
  chunkId: string;
  sourceId: string;
  sourceName: string;
  page: number | null;
  headingPath: string[];
  content: string;
  score: number;
}

export interface SearchRequest {
  db: Database;
  query: string;
  /** How many results; 8 by default. */
  k?: number;
  /** Only chunks of these sources; all ready sources when absent. */
  sourceIds?: string[];
}

/** A query's vector and the embedding space it lives in, so the vector leg searches matching chunks. */
export interface QueryEmbedding extends EmbeddingSpace {
  vector: number[];
}

export const DEFAULT_K = 8;

// Each leg hands the fusion this many candidates: a chunk one leg ranks 30th can still win when the
// other ranks it first, and more than ~40 per leg changes the fused top 10 very rarely.
const candidatesPerLeg = (k: number) => Math.max(40, 4 * k);

const toResult = ({ rank, ...match }: ChunkMatch, score = match.score): SearchResult => ({ ...match, score });

export async function embedQuery(embedder: TextEmbedder, query: string): Promise<QueryEmbedding> {
  const [vector] = await embedder.embed([query]);
  if (!vector) throw new Error("The embedding model returned no vector for the query");
  return { vector, model: embedder.model, dimensions: embedder.dimensions };
}

function nearestChunks(request: SearchRequest, embedding: QueryEmbedding, limit: number) {
  const { db, sourceIds } = request;
  const { vector, model, dimensions } = embedding;
  return searchChunksByVector({ db, embedding: vector, model, dimensions, limit, sourceIds });
}

function matchingChunks(request: SearchRequest, limit: number) {
  const { db, query, sourceIds } = request;
  return searchChunksByText({ db, query: toSearchText(query), limit, sourceIds });
}

/**
 * Hybrid retrieval: the chunks nearest to the query's embedding (meaning, paraphrase) and the chunks
 * that best match its words (names, codes, rare terms), fused with Reciprocal Rank Fusion. Scores
 * are RRF scores, best first.
 */
export async function hybridSearch({
  embedder,
  ...request
}: SearchRequest & { embedder: TextEmbedder }): Promise<SearchResult[]> {
  if (!request.query.trim()) return [];
  return hybridSearchWithEmbedding({ ...request, embedding: await embedQuery(embedder, request.query) });
}

/** hybridSearch with the query already embedded (the benchmark measures the database alone with it). */
export async function hybridSearchWithEmbedding({
  embedding,
  ...request
}: SearchRequest & { embedding: QueryEmbedding }): Promise<SearchResult[]> {
  const k = request.k ?? DEFAULT_K;
  const limit = candidatesPerLeg(k);
  const [byVector, byText] = await Promise.all([
    nearestChunks(request, embedding, limit),
    matchingChunks(request, limit),
  ]);
  const found = new Map([...byVector, ...byText].map((match) => [match.chunkId, match]));
  const fused = reciprocalRankFusion([
    { ids: byVector.map((match) => match.chunkId) },
    { ids: byText.map((match) => match.chunkId) },
  ]);
  return fused.slice(0, k).map(({ id, score }) => toResult(found.get(id) as ChunkMatch, score));
}

/** The vector leg alone, scored by cosine similarity (the eval compares it with hybridSearch). */
export async function vectorSearch({
  embedder,
  ...request
}: SearchRequest & { embedder: TextEmbedder }): Promise<SearchResult[]> {
  if (!request.query.trim()) return [];
  const embedding = await embedQuery(embedder, request.query);
  return (await nearestChunks(request, embedding, request.k ?? DEFAULT_K)).map((match) => toResult(match));
}

/** The full-text leg alone, scored by ts_rank_cd (the eval compares it with hybridSearch). */
export async function textSearch(request: SearchRequest): Promise<SearchResult[]> {
  return (await matchingChunks(request, request.k ?? DEFAULT_K)).map((match) => toResult(match));
}
