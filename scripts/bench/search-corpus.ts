import { makeCorpus } from "./corpus";

/**
 * Synthetic chunks and questions for the search benchmark. The prose is the ingest benchmark's
 * (scripts/bench/corpus.ts): ~100 common words, so every chunk contains most of them and a question
 * made of them matches nearly every chunk, the worst case for full-text ranking. Each chunk also gets
 * two words from a vocabulary of made-up rare words, each of which ends up in a handful of chunks,
 * like a product name or an error code would.
 */

export const RARE_VOCABULARY_SIZE = 20_000;
const SYLLABLES = "ka ze mi to ru pa lo ve ni su qua dro fen gul hax jor bex wim yat zor".split(" ");

/** The i-th made-up word, e.g. "zykazeru": no English word, so it is as rare as its uses make it. */
export function rareWord(index: number): string {
  let word = "zy";
  let rest = index;
  for (let syllable = 0; syllable < 4; syllable += 1) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

export type VectorKind = "embedding-like" | "uniform";

// Real sentence embeddings vary along far fewer directions than they have dimensions; vectors spread
// over a 24-dimensional subspace give nearest neighbours ~0.7 similar and unrelated pairs ~0, as the
// local model's do. Uniform vectors have no such structure: every pair is about equally far apart.
const LATENT_DIMENSIONS = 24;
const NOISE = 0.02;

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function unit(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

/**
 * A source of random unit vectors for chunks and queries alike. "uniform" is uniform on the sphere,
 * where HNSW cannot find true neighbours at any reasonable ef_search (all distances are nearly
 * equal): a worst case, not a model of real embeddings.
 */
export function randomVectors(kind: VectorKind, random: () => number, dimensions: number): () => number[] {
  if (kind === "uniform") return () => unit(Array.from({ length: dimensions }, () => gaussian(random)));
  const basis = Array.from({ length: dimensions }, () =>
    Array.from({ length: LATENT_DIMENSIONS }, () => gaussian(random) / Math.sqrt(LATENT_DIMENSIONS)),
  );
  return () => {
    const latent = Array.from({ length: LATENT_DIMENSIONS }, () => gaussian(random));
    return unit(
      basis.map(
        (row) =>
          row.reduce((sum, weight, index) => sum + weight * (latent[index] as number), 0) +
          NOISE * gaussian(random),
      ),
    );
  };
}

/** Paragraphs of the ingest benchmark's Markdown and text documents, ~500 characters each. */
export async function benchmarkParagraphs(): Promise<string[]> {
  const documents = await makeCorpus({ count: 12 });
  const decoder = new TextDecoder();
  return documents
    .filter((doc) => doc.format === "markdown" || doc.format === "text")
    .flatMap((doc) => decoder.decode(doc.bytes).split("\n\n"))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 200 && !paragraph.startsWith("#"));
}

export interface SyntheticChunk {
  content: string;
  embedding: number[];
  rareWords: string[];
}

/** A ~1,000-character chunk: two paragraphs with two rare words among them, and a vector. */
export function syntheticChunk(
  paragraphs: string[],
  random: () => number,
  nextVector: () => number[],
): SyntheticChunk {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T;
  const rareWords = [0, 1].map(() => rareWord(Math.floor(random() * RARE_VOCABULARY_SIZE)));
  return {
    content: `${pick(paragraphs)} The ${rareWords[0]} review covers ${rareWords[1]}.\n\n${pick(paragraphs)}`,
    embedding: nextVector(),
    rareWords,
  };
}

const RARE_WORD_TEMPLATES = [
  (word: string) => `What does the handbook say about ${word}?`,
  (word: string) => `Who approved the ${word} budget?`,
  (word: string) => `When is the next ${word} review meeting?`,
  (word: string) => `How do I request access to ${word}?`,
];

/** Questions naming one rare word each (words the corpus holds): the full-text leg has few chunks to rank. */
export function rareWordQuestions(words: string[]): string[] {
  return words.map((word, index) =>
    (RARE_WORD_TEMPLATES[index % RARE_WORD_TEMPLATES.length] as (word: string) => string)(word),
  );
}

/** Questions made only of the corpus's common words: each matches nearly every chunk. */
export const COMMON_WORD_QUESTIONS = [
  "What is the refund policy for customer payments?",
  "How does the team handle a security incident?",
  "When is the quarterly budget review meeting?",
  "Who approves travel expense requests?",
  "What is the deadline for the product release schedule?",
  "How do I request access to the database server?",
  "What does the handbook say about holiday leave and benefits?",
  "Which supplier handles delivery and quality testing?",
  "How is the revenue growth forecast analysed?",
  "What training is required for equipment safety?",
];
