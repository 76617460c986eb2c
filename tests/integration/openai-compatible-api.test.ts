import { generateText, streamText } from "ai";
import { beforeAll, describe, expect, it } from "vitest";
import { createOpenAI } from "@/lib/ai/openai-sdk";
import type { Citation } from "@/lib/chat/messages";
import { useAppUnderTest } from "../helpers/app-under-test";
import { citedIndexes } from "../helpers/cited-indexes";

// The same pipeline as /api/chat (tested on both databases); here what matters is the wire format.
const load = async () => ({
  completions: await import("@/app/v1/chat/completions/route"),
  models: await import("@/app/v1/models/route"),
  database: await import("@/lib/database"),
  traces: await import("@/db/queries/traces"),
});

const completionRequest = (body: unknown) =>
  new Request("http://docent.test/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** The data events of a server-sent event stream, in order. */
async function readSse(response: Response): Promise<string[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((event) => event.startsWith("data: "))
    .map((event) => event.slice("data: ".length));
}

describe("the OpenAI-compatible endpoint", () => {
  const app = useAppUnderTest("pglite", { load });
  let sourceIds: Record<string, string> = {};

  // A real OpenAI client (the AI SDK's) whose requests go straight to the route handlers.
  const client = () =>
    createOpenAI({
      baseURL: "http://docent.test/v1",
      apiKey: "unused",
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const path = new URL(request.url).pathname;
        if (path === "/v1/chat/completions") return app.modules.completions.POST(request);
        return new Response("not found", { status: 404 });
      },
    }).chat("docent");

  beforeAll(async () => {
    sourceIds = await app.uploadFixtures(["handbook.pdf", "faq.html"]);
  }, 120_000);

  it("lists the docent model", async () => {
    const body = await app.modules.models.GET().json();
    expect(body).toMatchObject({ object: "list", data: [{ id: "docent", object: "model" }] });
  });

  it("answers an OpenAI client with a cited answer from the documents", async () => {
    const { text, usage } = await generateText({
      model: client(),
      prompt: "How long do refunds take to be processed?",
    });
    expect(text).toMatch(/14 days/);
    expect(citedIndexes(text).length).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it("streams the same answer to an OpenAI client", async () => {
    const result = streamText({ model: client(), prompt: "How long do refunds take to be processed?" });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toMatch(/14 days/);
  });

  it("returns the cited sources in the extra `sources` field", async () => {
    const response = await app.modules.completions.POST(
      completionRequest({
        model: "docent",
        messages: [{ role: "user", content: "How long do refunds take to be processed?" }],
      }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ object: "chat.completion", model: "docent" });
    const answer: string = body.choices[0].message.content;
    const sources = body.sources as Citation[];
    for (const index of citedIndexes(answer)) {
      expect(sources.find((source) => source.index === index)?.content).toBeDefined();
    }
    const firstCited = sources.find((source) => source.index === citedIndexes(answer)[0]);
    expect(firstCited?.content).toMatch(/14 days/);
    expect(["handbook.pdf", "faq.html"]).toContain(firstCited?.sourceName);
  });

  it("streams chunks with the sources first and [DONE] last", async () => {
    const response = await app.modules.completions.POST(
      completionRequest({
        stream: true,
        messages: [{ role: "user", content: "Where do orders ship from?" }],
      }),
    );
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = await readSse(response);
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
    expect(chunks[0]).toMatchObject({
      object: "chat.completion.chunk",
      choices: [{ delta: { role: "assistant" } }],
    });
    expect((chunks[0].sources as Citation[]).length).toBeGreaterThan(0);
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe("stop");
    const text = chunks.map((chunk) => chunk.choices[0].delta.content ?? "").join("");
    expect(text.length).toBeGreaterThan(0);
  });

  it("answers from the chosen sources only (source_ids)", async () => {
    const response = await app.modules.completions.POST(
      completionRequest({
        messages: [{ role: "user", content: "How long do refunds take to be processed?" }],
        source_ids: [sourceIds["faq.html"]],
      }),
    );
    const { sources } = (await response.json()) as { sources: Citation[] };
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources.map((source) => source.sourceId))).toEqual(new Set([sourceIds["faq.html"]]));
  });

  it("records a trace for each answer", async () => {
    const question = "Which office handles returns questions?";
    await app.modules.completions.POST(
      completionRequest({ messages: [{ role: "user", content: question }] }),
    );
    const { traces } = await app.modules.traces.listTraces({
      db: (await app.modules.database.getDatabase()).db,
      limit: 5,
    });
    expect(traces.map((trace) => trace.query)).toContain(question);
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["no messages", { model: "docent", messages: [] }],
    ["no user message last", { messages: [{ role: "assistant", content: "Hello" }] }],
    ["a source id that is not a UUID", { messages: [{ role: "user", content: "Hi" }], source_ids: ["x"] }],
  ])("refuses %s with a 400 and the error shape", async (_case, body) => {
    const response = await app.modules.completions.POST(completionRequest(body));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("bad_request:completion");
    expect(error.message.length).toBeGreaterThan(10);
  });
});
