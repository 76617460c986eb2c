import type { TextBlock } from "./blocks";
import { packSection } from "./pack-section";
import { sectionsOf } from "./sections";

export { countTokens } from "./tokens";

/** A retrievable passage: document text only, with where it sits in the document. */
export interface Chunk {
  /** Verbatim document text (whitespace normalised); nothing is prepended to it. */
  content: string;
  /** Exact o200k_base token count of `content`. */
  tokenCount: number;
  /** 1-based page, for formats with pages. */
  page: number | null;
  /** The headings above the passage, outermost first. */
  headingPath: string[];
}

export interface ChunkOptions {
  /** The most tokens a chunk holds; 300 by default. */
  targetTokens?: number;
  /** Tokens a chunk repeats from the end of the previous one in its section; 15% of the target by default. */
  overlapTokens?: number;
}

const DEFAULT_TARGET_TOKENS = 300;
const DEFAULT_OVERLAP_SHARE = 0.15;
/** Below this a chunk cannot hold a sentence, and one code point (up to 4 tokens) could overflow it. */
const MIN_TARGET_TOKENS = 16;

/**
 * Splits a parsed document into chunks along its structure: a heading, a new page or a new heading
 * path starts a new chunk; small paragraphs under one heading are packed together; a paragraph too
 * big for a chunk is split at sentences, then words, and only a word with no boundary inside (a
 * long hash or base64 line) is cut between characters.
 *
 * Every chunk has at most `targetTokens` tokens, counted exactly: the target is a hard limit, with no
 * tolerance. Chunks other than a section's last are usually at least half full. Consecutive chunks
 * of a section share about `overlapTokens` tokens, starting at a word or sentence; none is shared
 * across headings or pages. Linear in the size of the document.
 */
export function chunkBlocks(blocks: TextBlock[], options: ChunkOptions = {}): Chunk[] {
  const targetTokens = options.targetTokens ?? DEFAULT_TARGET_TOKENS;
  const overlapTokens = options.overlapTokens ?? Math.round(targetTokens * DEFAULT_OVERLAP_SHARE);
  if (!Number.isInteger(targetTokens) || targetTokens < MIN_TARGET_TOKENS) {
    throw new RangeError(
      `targetTokens must be an integer of at least ${MIN_TARGET_TOKENS}, got ${targetTokens}`,
    );
  }
  if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens * 2 > targetTokens) {
    throw new RangeError(
      `overlapTokens must be an integer from 0 to half of targetTokens, got ${overlapTokens}`,
    );
  }
  const chunks: Chunk[] = [];
  for (const { page, headingPath, pieces } of sectionsOf(blocks)) {
    for (const { content, tokenCount } of packSection(pieces, targetTokens, overlapTokens)) {
      chunks.push({ content, tokenCount, page, headingPath: [...headingPath] });
    }
  }
  return chunks;
}
