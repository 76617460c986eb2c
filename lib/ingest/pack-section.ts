import { type ChunkText, type Overlap, trailingOverlap } from "./overlap";
import { type Level, type Piece, splitPiece } from "./split-text";
import { countJoined, measureTokens, type TokenCount } from "./tokens";

export interface SectionChunk {
  content: string;
  tokenCount: number;
}

type Part = Piece & { count: TokenCount };

/**
 * Packs one section's pieces (paragraphs, in order) into chunks of at most `targetTokens` tokens.
 * Greedy: pieces join the current chunk while they fit; a piece too big for any chunk is split a
 * level down (paragraph → sentences → words → …). A chunk is not closed while it is small when the
 * next piece can be split to fill it: below half the target for a paragraph, a quarter for a line
 * or sentence (words are never split to fill). Each chunk after the first opens with the end of the
 * previous one (see trailingOverlap).
 */
export function packSection(
  pieces: Iterable<Piece>,
  targetTokens: number,
  overlapTokens: number,
): SectionChunk[] {
  return new SectionPacker(targetTokens, overlapTokens).pack(pieces);
}

class SectionPacker {
  private readonly chunks: SectionChunk[] = [];
  /** Where the next pieces come from: the section, with split pieces' parts stacked on top. */
  private readonly sources: Iterator<Piece>[] = [];
  /** The current chunk: whether it has been opened, the overlap it opened with, and its new parts. */
  private opened = false;
  private overlap: Overlap | null = null;
  private parts: Part[] = [];
  /** Estimated tokens of the new parts: their counts plus a token per line-breaking separator. */
  private fresh = 0;
  /** The last chunk, which the next one overlaps; null after a chunk that ends mid-word. */
  private previous: { content: string; texts: ChunkText[] } | null = null;

  constructor(
    private readonly target: number,
    private readonly overlapTokens: number,
  ) {}

  pack(pieces: Iterable<Piece>): SectionChunk[] {
    this.sources.push(pieces[Symbol.iterator]());
    for (;;) {
      const part = this.next();
      if (part) this.place(part);
      else if (this.parts.length > 0) this.close();
      else return this.chunks;
    }
  }

  private next(): Part | undefined {
    for (let source = this.sources.at(-1); source; source = this.sources.at(-1)) {
      const result = source.next();
      if (result.done) {
        this.sources.pop();
        continue;
      }
      const { text, separator, level, count } = result.value;
      return { text, separator, level, count: count ?? measureTokens(text, this.target) };
    }
    return undefined;
  }

  private place(part: Part): void {
    if (part.count.tokens > this.target) {
      this.split(part);
      return;
    }
    if (!this.opened) this.open(this.overlapTokens);
    const used = (this.overlap?.count.tokens ?? 0) + this.fresh;
    if (used + this.cost(part) <= this.target) {
      this.append(part);
    } else if (this.parts.length === 0) {
      this.placeAfterOverlap(part);
    } else if (this.fresh < this.fillThreshold(part.level)) {
      this.split(part);
    } else {
      this.requeue([part]);
      this.close();
    }
  }

  /**
   * A part that fits a chunk but not after the overlap: the overlap shrinks so the part stays whole,
   * unless that leaves too little of it and the part is a paragraph or line, which read fine split
   * at sentences.
   */
  private placeAfterOverlap(part: Part): void {
    const room = this.target - part.count.tokens - separatorCost(part.separator);
    const splittable = part.level === "paragraph" || part.level === "listing" || part.level === "line";
    if (splittable && room * 3 < this.overlapTokens) {
      this.split(part);
    } else {
      this.open(room);
      this.append(part);
    }
  }

  private fillThreshold(level: Level): number {
    if (level === "paragraph" || level === "listing") return this.target / 2;
    if (level === "line" || level === "sentence") return this.target / 4;
    return 0;
  }

  private split(part: Part): void {
    this.sources.push(splitPiece(part, this.target)[Symbol.iterator]());
  }

  /** Puts parts back, to come next, in order. */
  private requeue(parts: Part[]): void {
    this.sources.push(parts[Symbol.iterator]());
  }

  /** A part's tokens plus its separator's, unless it opens the chunk and its separator is dropped. */
  private cost(part: Part): number {
    const opensChunk = this.parts.length === 0 && this.overlap === null;
    return opensChunk ? part.count.tokens : part.count.tokens + separatorCost(part.separator);
  }

  private append(part: Part): void {
    this.fresh += this.cost(part);
    this.parts.push(part);
  }

  /** Opens the chunk with the end of the previous one, in at most `budget` tokens. */
  private open(budget: number): void {
    this.opened = true;
    this.overlap = this.previous && trailingOverlap(this.previous.content, this.previous.texts, budget);
  }

  /**
   * Emits the chunk with its exact token count. The estimate is usually exact or a token or two off,
   * but misses more where spaces cost tokens of their own (before numbers). When the chunk is over
   * the target, its last parts go back to the next chunk, as many as the estimate's error suggests
   * (or, with a single part left, the overlap is dropped), until it fits. A single part alone always
   * fits: it was counted exactly.
   */
  private close(): void {
    let tokens = countJoined(this.texts());
    while (tokens > this.target && (this.parts.length > 1 || this.overlap !== null)) {
      if (this.parts.length > 1) {
        let estimate = (this.overlap?.count.tokens ?? 0) + this.fresh;
        const keep = (estimate * this.target) / tokens;
        const back: Part[] = [];
        do {
          const part = this.parts.pop() as Part;
          back.unshift(part);
          estimate -= part.count.tokens + separatorCost(part.separator);
        } while (estimate > keep && this.parts.length > 1);
        this.requeue(back);
      } else {
        this.overlap = null;
      }
      tokens = countJoined(this.texts());
    }
    const texts = this.texts();
    const content = texts.map((text, i) => (i === 0 ? text.text : text.separator + text.text)).join("");
    this.chunks.push({ content, tokenCount: tokens });
    this.previous = this.parts.at(-1)?.level === "run" ? null : { content, texts };
    this.opened = false;
    this.overlap = null;
    this.parts = [];
    this.fresh = 0;
  }

  /** The texts the chunk is joined from: the overlap, if any, then the new parts. */
  private texts(): ChunkText[] {
    const texts = this.parts.map(({ text, separator, count, level }) => ({
      text,
      separator,
      count,
      opensSentence: OPENS_SENTENCE.has(level),
    }));
    if (this.overlap === null) return texts;
    const { text, separator, count } = this.overlap;
    return [{ text, separator, count, opensSentence: false }, ...texts];
  }
}

const OPENS_SENTENCE = new Set<Level>(["paragraph", "listing", "line", "sentence"]);

/** A line break usually costs a token of its own; a space joins the next word's token. */
function separatorCost(separator: string): number {
  return separator.includes("\n") ? 1 : 0;
}
