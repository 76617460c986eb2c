import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NOT_FOUND_ANSWER } from "@/lib/ai/prompts";
import type { Citation } from "@/lib/chat/messages";
import { DATABASE_TARGETS, useAppUnderTest } from "../helpers/app-under-test";
import { citedIndexes } from "../helpers/cited-indexes";
import { answerText, finishMetadata, readEvents } from "../helpers/ui-message-stream";

const load = async () => ({
  chat: await import("@/app/api/chat/route"),
  database: await import("@/lib/database"),
  traces: await import("@/db/queries/traces"),
  conversations: await import("@/db/queries/conversations"),
});

const chatRequest = (body: unknown) =>
  new Request("http://localhost/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const ask = (id: string, text: string, extra: Record<string, unknown> = {}) =>
  chatRequest({ id, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] }, ...extra });

for (const target of DATABASE_TARGETS) {
  describe.skipIf(!target.available)(`the chat API with the offline answerer [${target.kind}]`, () => {
    const app = useAppUnderTest(target.kind, { load });
    let sourceIds: Record<string, string> = {};

    const db = async () => (await app.modules.database.getDatabase()).db;

    it("streams the sources first, then a cited answer from the documents, and stores both turns", async () => {
      sourceIds = await app.uploadFixtures(["handbook.pdf", "faq.html", "onboarding.md"]);
      const conversationId = randomUUID();
      const response = await app.modules.chat.POST(
        ask(conversationId, "How long do refunds take to be processed?"),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);

      const events = await readEvents(response);
      const types = events.map((event) => event.type);
      const sourcesAt = types.indexOf("data-sources");
      expect(sourcesAt).toBeGreaterThan(-1);
      expect(sourcesAt).toBeLessThan(types.indexOf("text-delta"));
      expect(types.filter((type) => type === "text-delta").length).toBeGreaterThan(3);
      expect(types.at(-1)).toBe("finish");
      expect(events[0]).toMatchObject({
        type: "start",
        messageMetadata: { model: "offline/extractive", modelLabel: "Offline extractive" },
      });

      const sources = events[sourcesAt]?.data as Citation[];
      const text = answerText(events);
      expect(text).toMatch(/14 days/);
      const cited = citedIndexes(text);
      expect(cited.length).toBeGreaterThan(0);
      for (const index of cited) {
        expect(sources[index - 1]?.content).toBeDefined();
      }
      expect(sources[(cited[0] as number) - 1]?.content).toMatch(/14 days/);

      const stored = await app.modules.conversations.getMessagesByConversationId({
        db: await db(),
        conversationId,
      });
      expect(stored.map((message) => message.role)).toEqual(["user", "assistant"]);
      expect(stored[1]?.parts).toContainEqual({ type: "text", text });
      const conversation = await app.modules.conversations.getConversationById({
        db: await db(),
        id: conversationId,
      });
      expect(conversation?.title).toBe("How long do refunds take to be processed?");
    });

    it("writes a trace with the query, the retrieved chunks, latencies and the citations", async () => {
      const conversationId = randomUUID();
      const events = await readEvents(
        await app.modules.chat.POST(ask(conversationId, "Who gets a buddy for the first month?")),
      );
      const trace = await app.modules.traces.getTraceById({
        db: await db(),
        id: finishMetadata(events).traceId as string,
      });
      expect(trace).toMatchObject({
        conversationId,
        query: "Who gets a buddy for the first month?",
        model: "offline/extractive",
        cacheHit: false,
        error: null,
      });
      expect(trace?.retrieved.length).toBeGreaterThan(0);
      expect(trace?.retrievalMs).toBeGreaterThanOrEqual(0);
      expect(trace?.firstTokenMs).toBeGreaterThanOrEqual(trace?.retrievalMs ?? 0);
      expect(trace?.totalMs).toBeGreaterThanOrEqual(trace?.firstTokenMs ?? 0);
      expect((trace?.validation as { cited: number[] } | undefined)?.cited.length).toBeGreaterThan(0);
    });

    it("answers the same question again from the response cache", async () => {
      const question = "Where do orders ship from?";
      const first = await readEvents(await app.modules.chat.POST(ask(randomUUID(), question)));
      const second = await readEvents(await app.modules.chat.POST(ask(randomUUID(), question)));
      expect(answerText(second)).toBe(answerText(first));
      const finishOf = (events: typeof first) =>
        events.find((event) => event.type === "finish")?.messageMetadata;
      expect(finishOf(first)).toMatchObject({ cacheHit: false });
      expect(finishOf(second)).toMatchObject({ cacheHit: true });
    });

    it("rewrites a follow-up question with the words of the one before it", async () => {
      const conversationId = randomUUID();
      await readEvents(
        await app.modules.chat.POST(ask(conversationId, "What is the refund policy for gift cards?")),
      );
      const events = await readEvents(
        await app.modules.chat.POST(ask(conversationId, "and what about that?")),
      );
      const trace = await app.modules.traces.getTraceById({
        db: await db(),
        id: finishMetadata(events).traceId as string,
      });
      expect(trace?.query).toBe("and what about that?");
      expect(trace?.rewrittenQuery).toMatch(/gift/);
    });

    it("says plainly when the documents do not hold the answer", async () => {
      const events = await readEvents(
        await app.modules.chat.POST(ask(randomUUID(), "What is the boiling point of liquid nitrogen?")),
      );
      expect(answerText(events)).toBe(NOT_FOUND_ANSWER);
    });

    it("answers only from the sources a conversation is scoped to", async () => {
      const faq = sourceIds["faq.html"] as string;
      const events = await readEvents(
        await app.modules.chat.POST(ask(randomUUID(), "How long do refunds take?", { sourceIds: [faq] })),
      );
      const sources = events.find((event) => event.type === "data-sources")?.data as Citation[];
      expect(sources.length).toBeGreaterThan(0);
      expect(sources.every((source) => source.sourceId === faq)).toBe(true);
    });

    it("regenerates the last answer in place of the old one", async () => {
      const conversationId = randomUUID();
      const first = await readEvents(
        await app.modules.chat.POST(ask(conversationId, "What should I do with my laptop on my last day?")),
      );
      const answerId = first.find((event) => event.type === "start")?.messageId as string;
      const again = await readEvents(
        await app.modules.chat.POST(
          chatRequest({ id: conversationId, trigger: "regenerate-message", messageId: answerId }),
        ),
      );
      expect(answerText(again)).toMatch(/laptop/i);
      const stored = await app.modules.conversations.getMessagesByConversationId({
        db: await db(),
        conversationId,
      });
      expect(stored.map((message) => message.role)).toEqual(["user", "assistant"]);
      expect(stored[1]?.id).not.toBe(answerId);
    });

    it("refuses bad requests with 400 or 404 and a JSON error, storing nothing", async () => {
      const conversationId = randomUUID();
      const cases: { request: Request; status: number; code: string }[] = [
        { request: chatRequest("{not json"), status: 400, code: "bad_request:chat" },
        {
          request: chatRequest({ id: "not-a-uuid", message: { parts: [] } }),
          status: 400,
          code: "bad_request:chat",
        },
        { request: ask(conversationId, "   "), status: 400, code: "bad_request:chat" },
        { request: ask(conversationId, "x".repeat(8_001)), status: 400, code: "bad_request:chat" },
        { request: chatRequest({ id: conversationId }), status: 400, code: "bad_request:chat" },
        {
          request: chatRequest({ id: conversationId, trigger: "regenerate-message", messageId: "nope" }),
          status: 404,
          code: "not_found:conversation",
        },
      ];
      for (const { request, status, code } of cases) {
        const response = await app.modules.chat.POST(request);
        expect(response.status).toBe(status);
        expect((await response.json()).error.code).toBe(code);
      }
      expect(
        await app.modules.conversations.getConversationById({ db: await db(), id: conversationId }),
      ).toBeUndefined();
    });
  });
}
