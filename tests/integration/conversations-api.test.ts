import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { conversations, messages } from "@/db/schema";
import { DATABASE_TARGETS, useAppUnderTest } from "../helpers/app-under-test";

/** The route handlers and queries, loaded afresh so they read the environment the suite set. */
async function loadApi() {
  return {
    conversations: await import("@/app/api/conversations/route"),
    conversation: await import("@/app/api/conversations/[id]/route"),
    queries: await import("@/db/queries/conversations"),
    database: await import("@/lib/database"),
  };
}

type Api = Awaited<ReturnType<typeof loadApi>>;

interface ConversationJson {
  id: string;
  title: string;
  sourceIds: string[] | null;
  createdAt: string;
  updatedAt: string;
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const url = (path: string) => `http://localhost${path}`;
const jsonRequest = (path: string, method: string, body: unknown) =>
  new Request(url(path), {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const SOURCE_A = "0a8f1b5e-8e1c-4a55-9a51-6c3f2d4e5f60";
const SOURCE_B = "1b9e2c6f-9f2d-4b66-8b62-7d4e3e5f6a71";
const UNKNOWN_ID = "9d0c5f43-5c87-4b7e-9f3c-2b1a0e9d8c7b";

const userMessage = (id: string, text: string) => ({
  id,
  role: "user" as const,
  parts: [{ type: "text", text }],
});
const answer = (id: string, text: string) => ({
  id,
  role: "assistant" as const,
  parts: [{ type: "text", text }],
  metadata: { model: "offline/extractive" },
});

for (const target of DATABASE_TARGETS) {
  describe.skipIf(!target.available)(`the conversations API [${target.kind}]`, () => {
    const app = useAppUnderTest(target.kind, { load: loadApi });
    let api: Api;
    let db: Database;

    beforeAll(async () => {
      api = app.modules;
      db = (await api.database.getDatabase()).db;
    });

    async function create(body?: unknown): Promise<ConversationJson> {
      const response = await api.conversations.POST(
        body === undefined
          ? new Request(url("/api/conversations"), { method: "POST" })
          : jsonRequest("/api/conversations", "POST", body),
      );
      expect(response.status).toBe(201);
      return (await response.json()).conversation;
    }

    async function show(id: string) {
      const response = await api.conversation.GET(new Request(url(`/api/conversations/${id}`)), params(id));
      expect(response.status).toBe(200);
      return (await response.json()) as {
        conversation: ConversationJson;
        messages: { id: string; role: string; parts: unknown[]; metadata: unknown }[];
      };
    }

    async function list(
      query = "",
    ): Promise<{ conversations: ConversationJson[]; nextCursor: string | null }> {
      const response = await api.conversations.GET(new Request(url(`/api/conversations${query}`)));
      expect(response.status).toBe(200);
      return response.json();
    }

    it("creates conversations that are listed newest first, with their title and sources", async () => {
      const scoped = await create({ title: "  Refund policy  ", sourceIds: [SOURCE_A, SOURCE_A, SOURCE_B] });
      const untitled = await create();

      expect(scoped).toMatchObject({ title: "Refund policy", sourceIds: [SOURCE_A, SOURCE_B] });
      expect(untitled).toMatchObject({ title: "New conversation", sourceIds: null });
      const { conversations: listed } = await list();
      expect(listed.map((conversation) => conversation.id).slice(0, 2)).toEqual([untitled.id, scoped.id]);
      expect(listed[1]).toEqual(scoped);
    });

    it("keeps a conversation's messages in the order they were said, and moves it to the top", async () => {
      const conversation = await create({ title: "Onboarding" });
      const newer = await create({ title: "Something else" });

      await api.queries.saveMessages({
        db,
        conversationId: conversation.id,
        messages: [userMessage("m1", "When do I get a laptop?"), answer("m2", "On your first day [1].")],
      });
      await api.queries.saveMessages({
        db,
        conversationId: conversation.id,
        messages: [userMessage("m3", "And a badge?"), answer("m4", "At reception [2].")],
      });

      const { messages: saved } = await show(conversation.id);
      expect(saved.map((message) => message.id)).toEqual(["m1", "m2", "m3", "m4"]);
      expect(saved[1]).toMatchObject({
        role: "assistant",
        parts: [{ type: "text", text: "On your first day [1]." }],
        metadata: { model: "offline/extractive" },
      });
      const { conversations: listed } = await list();
      expect(listed.findIndex((c) => c.id === conversation.id)).toBeLessThan(
        listed.findIndex((c) => c.id === newer.id),
      );
    });

    it("saves the same message twice as one, updated in place", async () => {
      const conversation = await create();
      const question = userMessage("retry-1", "Who approves expenses?");
      await api.queries.saveMessages({
        db,
        conversationId: conversation.id,
        messages: [question, answer("retry-2", "Your manager.")],
      });
      // A retried request sends the same question again, with the answer that replaces the first one.
      await api.queries.saveMessages({
        db,
        conversationId: conversation.id,
        messages: [question, answer("retry-2", "Your manager [1].")],
      });

      const { messages: saved } = await show(conversation.id);
      expect(saved.map((message) => message.id)).toEqual(["retry-1", "retry-2"]);
      expect(saved[1]?.parts).toEqual([{ type: "text", text: "Your manager [1]." }]);
    });

    it("regenerates by removing only the messages after the question", async () => {
      const conversation = await create();
      await api.queries.saveMessages({
        db,
        conversationId: conversation.id,
        messages: [
          userMessage("r1", "What is the refund window?"),
          answer("r2", "30 days [1]."),
          userMessage("r3", "For sale items?"),
          answer("r4", "14 days [2]."),
        ],
      });

      const removed = await api.queries.deleteMessagesAfter({
        db,
        conversationId: conversation.id,
        messageId: "r3",
      });
      await api.queries.saveMessages({
        db,
        conversationId: conversation.id,
        messages: [answer("r5", "Sale items can be returned within 14 days [2].")],
      });

      expect(removed).toBe(1);
      const { messages: saved } = await show(conversation.id);
      expect(saved.map((message) => message.id)).toEqual(["r1", "r2", "r3", "r5"]);
    });

    it("never takes over a message id that belongs to another conversation", async () => {
      const first = await create();
      const second = await create();
      await api.queries.saveMessages({
        db,
        conversationId: first.id,
        messages: [userMessage("shared-id", "Mine")],
      });

      await expect(
        api.queries.saveMessages({
          db,
          conversationId: second.id,
          messages: [userMessage("second-own", "Hello"), userMessage("shared-id", "Stolen")],
        }),
      ).rejects.toThrow(/belongs to another/);
      expect((await show(first.id)).messages).toMatchObject([
        { id: "shared-id", parts: [{ type: "text", text: "Mine" }] },
      ]);
      // The whole save was rolled back, not just the conflicting message.
      expect((await show(second.id)).messages).toEqual([]);
      expect(
        await api.queries.saveMessages({ db, conversationId: UNKNOWN_ID, messages: [userMessage("x", "?")] }),
      ).toBe(false);
    });

    it("renames and rescopes a conversation, and the change persists", async () => {
      const conversation = await create({ sourceIds: [SOURCE_A] });

      const renamed = await api.conversation.PATCH(
        jsonRequest(`/api/conversations/${conversation.id}`, "PATCH", { title: "  Travel rules " }),
        params(conversation.id),
      );
      expect(renamed.status).toBe(200);
      expect((await renamed.json()).conversation).toMatchObject({
        title: "Travel rules",
        sourceIds: [SOURCE_A],
      });

      const opened = await api.conversation.PATCH(
        jsonRequest(`/api/conversations/${conversation.id}`, "PATCH", { sourceIds: null }),
        params(conversation.id),
      );
      expect((await opened.json()).conversation).toMatchObject({ title: "Travel rules", sourceIds: null });

      const both = await api.conversation.PATCH(
        jsonRequest(`/api/conversations/${conversation.id}`, "PATCH", {
          title: "Trips",
          sourceIds: [SOURCE_B],
        }),
        params(conversation.id),
      );
      expect((await both.json()).conversation).toMatchObject({ title: "Trips", sourceIds: [SOURCE_B] });
      expect((await show(conversation.id)).conversation).toMatchObject({
        title: "Trips",
        sourceIds: [SOURCE_B],
      });
    });

    it("deletes a conversation with its messages", async () => {
      const conversation = await create();
      await api.queries.saveMessages({
        db,
        conversationId: conversation.id,
        messages: [userMessage("d1", "Hello"), answer("d2", "Hi.")],
      });

      const deleted = await api.conversation.DELETE(
        new Request(url(`/api/conversations/${conversation.id}`), { method: "DELETE" }),
        params(conversation.id),
      );

      expect(deleted.status).toBe(204);
      const gone = await api.conversation.GET(new Request(url("/api")), params(conversation.id));
      expect(gone.status).toBe(404);
      expect(await db.$count(messages, eq(messages.conversationId, conversation.id))).toBe(0);
      expect((await list()).conversations.map((c) => c.id)).not.toContain(conversation.id);
      const again = await api.conversation.DELETE(new Request(url("/api")), params(conversation.id));
      expect(again.status).toBe(404);
    });

    it("answers unknown ids with 404 and malformed ones with 400, as JSON errors", async () => {
      const notFound = { error: { code: "not_found:conversation", message: expect.any(String) } };
      const badRequest = { error: { code: "bad_request:conversation", message: expect.any(String) } };
      const patchBody = () => jsonRequest("/api", "PATCH", { title: "x" });

      for (const response of [
        await api.conversation.GET(new Request(url("/api")), params(UNKNOWN_ID)),
        await api.conversation.PATCH(patchBody(), params(UNKNOWN_ID)),
        await api.conversation.DELETE(new Request(url("/api")), params(UNKNOWN_ID)),
      ]) {
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual(notFound);
      }
      for (const response of [
        await api.conversation.GET(new Request(url("/api")), params("not-a-uuid")),
        await api.conversation.PATCH(patchBody(), params("12345")),
        await api.conversation.DELETE(new Request(url("/api")), params("' or 1=1 --")),
      ]) {
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual(badRequest);
      }
    });

    it("refuses malformed bodies with a 400 that says what is wrong, changing nothing", async () => {
      const conversation = await create({ title: "Unchanged" });
      const before = await db.$count(conversations);
      const cases: [unknown, RegExp][] = [
        ["{not json", /JSON object/],
        [[], /JSON object/],
        [{ title: "   " }, /title must not be empty/],
        [{ title: "x".repeat(201) }, /title must be at most 200 characters/],
        [{ title: 42 }, /title must be text/],
        [{ sourceIds: [] }, /sourceIds must name at least one source/],
        [{ sourceIds: ["not-a-uuid"] }, /sourceIds must hold source ids/],
        [{ sourceIds: SOURCE_A }, /sourceIds must be a list/],
      ];
      for (const [body, message] of cases) {
        const created = await api.conversations.POST(jsonRequest("/api/conversations", "POST", body));
        const patched = await api.conversation.PATCH(
          jsonRequest(`/api/conversations/${conversation.id}`, "PATCH", body),
          params(conversation.id),
        );
        for (const response of [created, patched]) {
          expect(response.status, JSON.stringify(body)).toBe(400);
          const { error } = await response.json();
          expect(error.code).toBe("bad_request:conversation");
          expect(error.message).toMatch(message);
        }
      }
      const empty = await api.conversation.PATCH(
        jsonRequest(`/api/conversations/${conversation.id}`, "PATCH", {}),
        params(conversation.id),
      );
      expect(empty.status).toBe(400);
      expect((await empty.json()).error.message).toMatch(/new title, new sourceIds, or both/);

      expect(await db.$count(conversations)).toBe(before);
      expect((await show(conversation.id)).conversation.title).toBe("Unchanged");
    });

    it("pages through every conversation once, even ones updated in the same instant", async () => {
      await db.delete(conversations);
      // Five in the same microsecond (PGlite's own clock only ticks in milliseconds): only the id orders them.
      await db.insert(conversations).values(
        Array.from({ length: 5 }, (_, index) => ({
          title: `Same ${index}`,
          updatedAt: sql`timestamptz '2025-06-01 12:00:00.123456+00'`,
        })),
      );
      const later = await create({ title: "Later" });

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`?limit=2${cursor ? `&before=${cursor}` : ""}`);
        expect(page.conversations.length).toBeLessThanOrEqual(2);
        seen.push(...page.conversations.map((conversation) => conversation.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);

      expect(pages).toBe(3);
      expect(seen[0]).toBe(later.id);
      expect(new Set(seen).size).toBe(6);
      const all = await list("?limit=100");
      expect(all.nextCursor).toBeNull();
      expect(all.conversations.map((conversation) => conversation.id)).toEqual(seen);
    });

    it("answers bad paging parameters with 400", async () => {
      for (const query of ["?limit=0", "?limit=101", "?limit=ten", "?before=yesterday", "?before=1_x"]) {
        const response = await api.conversations.GET(new Request(url(`/api/conversations${query}`)));
        expect(response.status, query).toBe(400);
        expect((await response.json()).error.code).toBe("bad_request:paging");
      }
    });

    it("keeps many messages saved at once in the order given", async () => {
      const conversation = await create();
      const ids = Array.from({ length: 12 }, (_, index) => `burst-${index}`);
      await api.queries.saveMessages({
        db,
        conversationId: conversation.id,
        messages: ids.map((id) => userMessage(id, id)),
      });
      // burst-10 sorts before burst-2 as text: only the saved order can put them right.
      expect((await show(conversation.id)).messages.map((message) => message.id)).toEqual(ids);
    });
  });
}
