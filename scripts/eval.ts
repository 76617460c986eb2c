import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import type { Database } from "@/db/database";
import { createLocalEmbedder } from "@/lib/ai/local-embedder";
import { acceptUploads } from "@/lib/ingest/accept-uploads";
import { drainIngestQueue } from "@/lib/ingest/ingest-worker";
import { toSearchText } from "@/lib/ingest/search-text";
import { hybridSearch, type SearchResult, textSearch, vectorSearch } from "@/lib/retrieval/hybrid-search";
import { readFixture } from "@/tests/fixtures/read-fixture";

// `npm run eval`: retrieval quality on tests/fixtures/eval-questions.json, printed as JSON — recall@1/5/10
// (a relevant chunk among the first k results) and MRR over the first 10, for each leg alone and fused.
// `--questions` adds each question's rank of its first relevant result per method.
const { values } = parseArgs({ options: { questions: { type: "boolean", default: false } } });

interface Question {
  question: string;
  paraphrased: boolean;
  relevant: { file: string; text: string }[];
}

const DOCUMENTS = [
  "handbook.pdf",
  "policies.docx",
  "faq.html",
  "onboarding.md",
  "notes-utf16.txt",
  "handbook-zh.txt",
  "offices.csv",
];
const CUTOFFS = [1, 5, 10] as const;
const DEPTH = 10;

const { questions } = JSON.parse(
  readFileSync(new URL("../tests/fixtures/eval-questions.json", import.meta.url), "utf8"),
) as { questions: Question[] };

const isRelevant = (question: Question, result: SearchResult) =>
  question.relevant.some(({ file, text }) => result.sourceName === file && result.content.includes(text));

/** Every relevant passage must exist in the corpus, or a miss would be the question set's fault. */
async function checkPassagesExist(db: Database): Promise<void> {
  const chunks = await db.execute<{ name: string; content: string }>(
    sql`select s.name, c.content from chunks c join sources s on s.id = c.source_id`,
  );
  for (const question of questions) {
    for (const { file, text } of question.relevant) {
      if (!chunks.rows.some((chunk) => chunk.name === file && chunk.content.includes(text))) {
        throw new Error(`No chunk of ${file} contains "${text}" (question: ${question.question})`);
      }
    }
  }
}

/**
 * The words a paraphrased question shares with its documents, after the same English stemming the
 * full-text leg uses: none, or the question would be a keyword question in disguise.
 */
async function sharedWords(db: Database, question: Question): Promise<string[]> {
  const files = [...new Set(question.relevant.map((passage) => passage.file))];
  const { rows } = await db.execute<{ lexeme: string }>(sql`
    select distinct q.lexeme
    from unnest(to_tsvector('english', ${toSearchText(question.question)})) q
    join (
      select (unnest(c.tsv)).lexeme from chunks c join sources s on s.id = c.source_id
      where s.name = any(${sql.param(files)}::text[])
    ) d on d.lexeme = q.lexeme
    order by q.lexeme`);
  return rows.map((row) => row.lexeme);
}

interface Scores {
  "recall@1": number;
  "recall@5": number;
  "recall@10": number;
  mrr: number;
}

/** Scores from the 1-based rank of each question's first relevant result (undefined: not in the top 10). */
function score(ranks: (number | undefined)[]): Scores {
  const share = (hits: number) => Math.round((hits / ranks.length) * 1000) / 1000;
  const recall = (k: number) => share(ranks.filter((rank) => rank !== undefined && rank <= k).length);
  return {
    "recall@1": recall(CUTOFFS[0]),
    "recall@5": recall(CUTOFFS[1]),
    "recall@10": recall(CUTOFFS[2]),
    mrr: share(ranks.reduce<number>((sum, rank) => sum + (rank ? 1 / rank : 0), 0)),
  };
}

const embedder = createLocalEmbedder();
const connection = await openDatabase({
  location: { kind: "pglite" },
  embedding: { model: embedder.model, dimensions: embedder.dimensions },
});
try {
  const { db } = connection;
  await acceptUploads({
    db,
    files: DOCUMENTS.map((name) => ({ name, bytes: readFixture(name) })),
    maxUploadBytes: 10 * 1024 * 1024,
  });
  await drainIngestQueue({ db, embedder });
  await checkPassagesExist(db);

  const paraphraseLeaks: Record<string, string[]> = {};
  for (const question of questions.filter((q) => q.paraphrased)) {
    const shared = await sharedWords(db, question);
    if (shared.length > 0) paraphraseLeaks[question.question] = shared;
  }

  const methods = {
    vector: (query: string) => vectorSearch({ db, embedder, query, k: DEPTH }),
    text: (query: string) => textSearch({ db, query, k: DEPTH }),
    hybrid: (query: string) => hybridSearch({ db, embedder, query, k: DEPTH }),
  };
  const ranks: Record<string, (number | undefined)[]> = {};
  for (const [method, search] of Object.entries(methods)) {
    ranks[method] = [];
    for (const question of questions) {
      const position = (await search(question.question)).findIndex((result) => isRelevant(question, result));
      ranks[method].push(position === -1 ? undefined : position + 1);
    }
  }

  const subset = (method: string, paraphrased: boolean) =>
    score((ranks[method] ?? []).filter((_, index) => questions[index]?.paraphrased === paraphrased));
  const chunkCount = await db.$count((await import("@/db/schema")).chunks);
  console.log(
    JSON.stringify(
      {
        benchmark: "retrieval-eval",
        embeddingModel: embedder.model,
        corpus: { documents: DOCUMENTS.length, chunks: chunkCount },
        questions: {
          total: questions.length,
          paraphrased: questions.filter((q) => q.paraphrased).length,
          // Paraphrased questions that share a stemmed word with their document (should be none).
          paraphraseLeaks,
        },
        methods: Object.fromEntries(
          Object.keys(methods).map((method) => [
            method,
            {
              all: score(ranks[method] ?? []),
              paraphrased: subset(method, true),
              keyword: subset(method, false),
            },
          ]),
        ),
        ...(values.questions && {
          ranks: questions.map((question, index) => ({
            question: question.question,
            ...Object.fromEntries(
              Object.keys(methods).map((method) => [method, ranks[method]?.[index] ?? null]),
            ),
          })),
        }),
      },
      null,
      2,
    ),
  );
} finally {
  await connection.close();
  await embedder.close();
}
