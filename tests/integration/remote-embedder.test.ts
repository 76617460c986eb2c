import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRemoteEmbedder, REMOTE_BATCH_SIZE } from "@/lib/ai/remote-embedder";

interface EmbeddingsRequest {
  headers: IncomingHttpHeaders;
  body: { model: string; input: string[]; dimensions?: number };
}

/** What the server does with one request: answer with vectors, or fail with a status. */
type Reply =
  | { kind: "vectors"; dimensions: number }
  | { kind: "error"; status: number; headers?: Record<string, string>; message: string };

/**
 * An OpenAI-compatible `/v1/embeddings` endpoint on a local port, the only stand-in in these tests.
 * Each vector starts with the number in its text ("text 7" → 7), so the order can be checked.
 */
function startEmbeddingsServer() {
  const requests: EmbeddingsRequest[] = [];
  const replies: Reply[] = [];
  let fallback: Reply = { kind: "vectors", dimensions: 3 };

  function respond(response: ServerResponse, reply: Reply, body: EmbeddingsRequest["body"]) {
    if (reply.kind === "error") {
      response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      response.end(JSON.stringify({ error: { message: reply.message, type: "server_error" } }));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        object: "list",
        model: body.model,
        data: body.input.map((text, index) => ({
          object: "embedding",
          index,
          embedding: [Number(text.split(" ")[1]), ...Array(reply.dimensions - 1).fill(0.5)],
        })),
        usage: { prompt_tokens: body.input.length, total_tokens: body.input.length },
      }),
    );
  }

  const server: Server = createServer(async (request, response) => {
    let raw = "";
    for await (const part of request) raw += part;
    if (request.method !== "POST" || request.url !== "/v1/embeddings") {
      response.writeHead(404).end();
      return;
    }
    const body = JSON.parse(raw) as EmbeddingsRequest["body"];
    requests.push({ headers: request.headers, body });
    respond(response, replies.shift() ?? fallback, body);
  });

  return {
    requests,
    /** Replies for the next requests, in order; afterwards every request gets the fallback. */
    queue: (...next: Reply[]) => replies.push(...next),
    setFallback: (reply: Reply) => {
      fallback = reply;
    },
    reset: () => {
      requests.length = 0;
      replies.length = 0;
      fallback = { kind: "vectors", dimensions: 3 };
    },
    listen: () =>
      new Promise<string>((resolve) => {
        server.listen(0, "127.0.0.1", () => {
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
        });
      }),
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

const texts = (count: number) => Array.from({ length: count }, (_, i) => `text ${i}`);

describe("the remote embedding model", () => {
  const server = startEmbeddingsServer();
  let baseUrl = "";

  beforeAll(async () => {
    baseUrl = await server.listen();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const embedderFor = (options: { dimensions?: number; maxRetries?: number; model?: string } = {}) =>
    createRemoteEmbedder({
      model: options.model ?? "nomic-embed-text",
      dimensions: options.dimensions ?? 3,
      apiKey: "sk-test-key",
      baseUrl,
      maxRetries: options.maxRetries,
    });

  it("embeds many texts in batches, in order, with the API key and progress per batch", async () => {
    const count = REMOTE_BATCH_SIZE * 2 + 10;
    const progress: number[] = [];

    const vectors = await embedderFor().embed(texts(count), { onProgress: (done) => progress.push(done) });

    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((request) => request.body.input.length)).toEqual([
      REMOTE_BATCH_SIZE,
      REMOTE_BATCH_SIZE,
      10,
    ]);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe("Bearer sk-test-key");
      expect(request.body.model).toBe("nomic-embed-text");
      expect(request.body).not.toHaveProperty("dimensions");
    }
    expect(vectors).toHaveLength(count);
    expect(vectors.map((vector) => vector.length)).toEqual(Array(count).fill(3));
    // The server puts each text's number first in its vector.
    expect(vectors.map((vector) => vector[0])).toEqual(texts(count).map((_, i) => i));
    expect(progress).toEqual([REMOTE_BATCH_SIZE, REMOTE_BATCH_SIZE * 2, count]);
  });

  it("retries after a 429 and a 503, waiting as the server's retry-after headers say", async () => {
    server.queue(
      { kind: "error", status: 429, headers: { "retry-after-ms": "300" }, message: "Rate limit reached" },
      { kind: "error", status: 503, headers: { "retry-after": "0" }, message: "Overloaded" },
    );
    const started = performance.now();

    const vectors = await embedderFor().embed(texts(2));

    const elapsed = performance.now() - started;
    expect(vectors).toEqual([
      [0, 0.5, 0.5],
      [1, 0.5, 0.5],
    ]);
    expect(server.requests).toHaveLength(3);
    // 300 ms as asked, not the SDK's own backoff of 2 s and then 4 s.
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("backs off on its own when the server gives no retry-after", async () => {
    server.queue({ kind: "error", status: 500, message: "Internal error" });
    const started = performance.now();

    await embedderFor().embed(texts(1));

    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it("gives up after the last retry with an error that names the model and the server's reason", async () => {
    server.setFallback({
      kind: "error",
      status: 503,
      headers: { "retry-after": "0" },
      message: "Model is loading",
    });

    const embedding = embedderFor({ maxRetries: 2 }).embed(texts(1));

    await expect(embedding).rejects.toThrow(
      `The embedding model "nomic-embed-text" at ${baseUrl} failed after 3 attempts: Model is loading (HTTP 503)`,
    );
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a rejected API key", async () => {
    server.queue({ kind: "error", status: 401, message: "Incorrect API key provided" });

    await expect(embedderFor().embed(texts(1))).rejects.toThrow(
      `The embedding model "nomic-embed-text" at ${baseUrl} failed: Incorrect API key provided (HTTP 401)`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("says which setting is wrong when the vectors have another size than configured", async () => {
    server.setFallback({ kind: "vectors", dimensions: 1024 });

    await expect(embedderFor({ dimensions: 768 }).embed(texts(2))).rejects.toThrow(
      "EMBEDDING_DIMENSIONS is 768 but model nomic-embed-text returned 1024-dimensional vectors",
    );
  });

  it("asks a text-embedding-3 model for the configured size only when it is not the model's own", async () => {
    server.setFallback({ kind: "vectors", dimensions: 256 });
    await embedderFor({ model: "text-embedding-3-small", dimensions: 256 }).embed(texts(1));
    server.setFallback({ kind: "vectors", dimensions: 1536 });
    await embedderFor({ model: "text-embedding-3-small", dimensions: 1536 }).embed(texts(1));

    expect(server.requests.map((request) => request.body.dimensions)).toEqual([256, undefined]);
  });

  it("sends an empty key, not one from the environment, to a server that needs none", async () => {
    const embedder = createRemoteEmbedder({ model: "nomic-embed-text", dimensions: 3, baseUrl });
    await embedder.embed(texts(1));
    expect(server.requests[0]?.headers.authorization ?? "").toMatch(/^Bearer ?$/);
  });
});
