import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalEmbedder, LOCAL_EMBEDDING_MODEL } from "@/lib/ai/local-embedder";
import { useTempDir } from "../helpers/temp-dir";

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  });
  return dot / Math.sqrt(normA * normB);
}

/** The largest difference between two lists of vectors, element by element. */
function maxDifference(a: number[][], b: number[][]): number {
  expect(a.map((vector) => vector.length)).toEqual(b.map((vector) => vector.length));
  return Math.max(...a.flatMap((vector, i) => vector.map((x, j) => Math.abs(x - (b[i]?.[j] ?? Number.NaN)))));
}

/** The OS threads of this process: each worker thread adds several, so closing shows up here. */
function osThreadCount(): number {
  return Number(readFileSync("/proc/self/status", "utf8").match(/^Threads:\s+(\d+)/m)?.[1]);
}

const topics = ["the cat slept on the sofa", "tax law changed this year", "the rocket reached orbit"];
const sentences = Array.from({ length: 20 }, (_, i) => `Sentence ${i}: ${topics[i % topics.length]}.`);

describe("the local embedding model", () => {
  const embedder = createLocalEmbedder({ threads: 2 });
  afterAll(() => embedder.close());

  it("places sentences with the same meaning closer than unrelated ones", async () => {
    const [question, paraphrase, unrelated] = await embedder.embed([
      "How do I reset my password?",
      "Steps to change the password of your account",
      "The cathedral was built in the twelfth century.",
    ]);
    if (!question || !paraphrase || !unrelated) throw new Error("missing vectors");
    expect(embedder.model).toBe(LOCAL_EMBEDDING_MODEL);
    expect(question).toHaveLength(512);
    expect(cosine(question, paraphrase)).toBeGreaterThan(cosine(question, unrelated) + 0.2);
  });

  it("returns one vector per text in order, whichever batch or worker embedded it", async () => {
    const together = await embedder.embed(sentences);
    const oneByOne: number[][] = [];
    for (const sentence of sentences) oneByOne.push(...(await embedder.embed([sentence])));

    expect(together).toHaveLength(sentences.length);
    for (const vector of together) expect(vector).toHaveLength(512);
    // Padding a batch to its longest text changes the float rounding a little, nothing more.
    expect(maxDifference(together, oneByOne)).toBeLessThan(1e-5);
  });

  it("gives the same text the same vector every time", async () => {
    const text = "Quarterly revenue grew by four percent.";
    const [first] = await embedder.embed([text]);
    const [again] = await embedder.embed([text]);
    const [, inAnotherBatch] = await embedder.embed(["Something else entirely, and longer", text]);
    expect(again).toEqual(first);
    expect(maxDifference([inAnotherBatch ?? []], [first ?? []])).toBeLessThan(1e-5);
  });

  it("embeds an empty text without shifting the vectors after it", async () => {
    const [alone] = await embedder.embed(["after the empty one"]);
    const vectors = await embedder.embed(["", "after the empty one", ""]);
    expect(vectors).toHaveLength(3);
    expect(maxDifference([vectors[1] ?? []], [alone ?? []])).toBeLessThan(1e-5);
    expect(maxDifference([vectors[2] ?? []], [vectors[0] ?? []])).toBeLessThan(1e-5);
  });

  it("reports progress up to the number of texts", async () => {
    const progress: number[] = [];
    await embedder.embed(sentences, { onProgress: (done) => progress.push(done) });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(sentences.length);
  });

  it("gives up on the batches not yet started when the caller aborts", async () => {
    const controller = new AbortController();
    const embedding = embedder.embed(sentences, { signal: controller.signal });
    controller.abort(new Error("the source was deleted"));
    await expect(embedding).rejects.toThrow("the source was deleted");
  });
});

describe("the local embedder's threads", () => {
  it.runIf(process.platform === "linux")("end when the embedder is closed", async () => {
    const before = osThreadCount();
    const embedder = createLocalEmbedder({ threads: 2 });
    await embedder.embed(["one", "two"]);
    const running = osThreadCount();
    await embedder.close();

    expect(running).toBeGreaterThan(before);
    expect(osThreadCount()).toBeLessThanOrEqual(before);
    await expect(embedder.embed(["three"])).rejects.toThrow("closed");
  });

  describe("when a worker crashes", () => {
    const temp = useTempDir("crashing-worker", "all");

    // A stand-in for the model's worker that dies on the text "crash" and answers anything else.
    const crashingWorker = `
      import { parentPort } from "node:worker_threads";
      parentPort.on("message", ({ texts }) => {
        if (texts.includes("crash")) throw new Error("simulated crash");
        const vectors = new Float32Array(texts.length * 512).fill(1);
        parentPort.postMessage({ vectors }, [vectors.buffer]);
      });
    `;

    it("rejects the batch it was embedding with a clear error, and a fresh worker takes its place", async () => {
      const workerPath = path.join(temp.path, "crashing-worker.mjs");
      await writeFile(workerPath, crashingWorker);
      const embedder = createLocalEmbedder({ threads: 1, workerPath });
      try {
        await expect(embedder.embed(["crash"])).rejects.toThrow(
          /local embedding worker stopped while embedding 1 texts \(simulated crash\)/,
        );
        const vectors = await embedder.embed(["fine", "also fine"]);
        expect(vectors).toHaveLength(2);
        expect(vectors[1]).toHaveLength(512);
      } finally {
        await embedder.close();
      }
    });
  });
});
