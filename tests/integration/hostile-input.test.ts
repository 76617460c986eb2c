import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useAppUnderTest } from "../helpers/app-under-test";

// Every route handler, called as a hostile or careless client would: each answer must be a 4xx
// with the JSON error shape — never a 500, never a thrown exception — and nothing stored may change.
const load = async () => ({
  chat: await import("@/app/api/chat/route"),
  search: await import("@/app/api/search/route"),
  sources: await import("@/app/api/sources/route"),
  source: await import("@/app/api/sources/[id]/route"),
  chunks: await import("@/app/api/sources/[id]/chunks/route"),
  file: await import("@/app/api/sources/[id]/file/route"),
  reindex: await import("@/app/api/sources/[id]/reindex/route"),
  conversations: await import("@/app/api/conversations/route"),
  conversation: await import("@/app/api/conversations/[id]/route"),
  traces: await import("@/app/api/traces/route"),
  login: await import("@/app/api/auth/login/route"),
  completions: await import("@/app/v1/chat/completions/route"),
});

type Handler = (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response> | Response;

const BAD_BODIES: [string, BodyInit][] = [
  ["empty", ""],
  ["truncated JSON", '{"query": "refu'],
  ["null", "null"],
  ["an array", "[1, 2, 3]"],
  ["a string", '"hello"'],
  ["a number", "42"],
  ["wrong types", JSON.stringify({ query: 5, id: 7, message: "hi", messages: "x", title: [], k: "ten" })],
  ["deep nesting", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
  ["prototype pollution", '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'],
  ["binary", new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80])],
];

const BAD_IDS = ["not-a-uuid", "../../../etc/passwd", "%00", "x".repeat(10_000), randomUUID(), "1 OR 1=1"];

async function expectClientError(response: Response, label: string): Promise<void> {
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  const body = await response.json();
  expect(typeof body.error?.code, label).toBe("string");
  expect(body.error?.message.length, label).toBeGreaterThan(5);
}

describe("every route refuses hostile input with a clear 4xx", () => {
  const app = useAppUnderTest("pglite", { load });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });
  const post = (path: string, body: BodyInit, contentType = "application/json") =>
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });

  it("JSON routes: malformed, mistyped and odd bodies", async () => {
    const { conversation } = await (
      await app.modules.conversations.POST(post("/api/conversations", "{}"))
    ).json();
    const routes: [string, (body: BodyInit) => Promise<Response> | Response][] = [
      ["chat", (body) => app.modules.chat.POST(post("/api/chat", body))],
      ["search", (body) => app.modules.search.POST(post("/api/search", body))],
      ["completions", (body) => app.modules.completions.POST(post("/v1/chat/completions", body))],
      [
        "rename",
        (body) =>
          app.modules.conversation.PATCH(
            new Request(`http://localhost/api/conversations/${conversation.id}`, { method: "PATCH", body }),
            params(conversation.id),
          ),
      ],
    ];
    for (const [route, call] of routes) {
      for (const [name, body] of BAD_BODIES)
        await expectClientError(await call(body), `${route} with ${name}`);
    }
    const unchanged = await app.modules.conversation.GET(
      new Request("http://localhost/"),
      params(conversation.id),
    );
    expect((await unchanged.json()).conversation.title).toBe(conversation.title);
  });

  it("JSON routes: a body far over the limit is a 413, read no further", async () => {
    const huge = JSON.stringify({ query: "x".repeat(2_000_000) });
    for (const [label, response] of [
      ["search", await app.modules.search.POST(post("/api/search", huge))],
      ["chat", await app.modules.chat.POST(post("/api/chat", huge))],
      ["new conversation", await app.modules.conversations.POST(post("/api/conversations", huge))],
    ] as const) {
      expect(response.status, label).toBe(413);
      expect((await response.json()).error.code, label).toMatch(/^too_large:/);
    }
  });

  it("id routes: ids that are not ids, or name nothing", async () => {
    const byId: [string, Handler, string][] = [
      ["source", app.modules.source.GET, "GET"],
      ["delete source", app.modules.source.DELETE, "DELETE"],
      ["chunks", app.modules.chunks.GET, "GET"],
      ["file", app.modules.file.GET, "GET"],
      ["reindex", app.modules.reindex.POST, "POST"],
      ["conversation", app.modules.conversation.GET, "GET"],
      ["delete conversation", app.modules.conversation.DELETE, "DELETE"],
    ];
    for (const [route, handler, method] of byId) {
      for (const id of BAD_IDS) {
        const request = new Request(`http://localhost/api/x/${encodeURIComponent(id)}`, { method });
        await expectClientError(await handler(request, params(id)), `${route} ${id.slice(0, 20)}`);
      }
    }
  });

  it("paged lists: nonsense paging", async () => {
    for (const query of ["limit=-1", "limit=abc", "limit=1e9", "before=garbage", "offset=-5&limit=0"]) {
      for (const [label, response] of [
        ["traces", await app.modules.traces.GET(new Request(`http://localhost/api/traces?${query}`))],
        [
          "conversations",
          await app.modules.conversations.GET(new Request(`http://localhost/api/conversations?${query}`)),
        ],
      ] as const) {
        if (response.status === 200) continue;
        await expectClientError(response, `${label}?${query}`);
      }
    }
    const chunks = await app.modules.chunks.GET(
      new Request(`http://localhost/api/sources/x/chunks?limit=abc`),
      params(randomUUID()),
    );
    await expectClientError(chunks, "chunks?limit=abc");
  });

  it("uploads: not multipart, no files, and a file name that is a path", async () => {
    await expectClientError(await app.modules.sources.POST(post("/api/sources", "{}")), "upload as JSON");
    await expectClientError(
      await app.modules.sources.POST(post("/api/sources", "--x\r\n\r\n", "multipart/form-data; boundary=x")),
      "broken multipart",
    );
    const form = new FormData();
    form.append("files", new Blob(["Refunds take fourteen days."]), "../../../../tmp/evil.txt");
    const accepted = await app.modules.sources.POST(
      new Request("http://localhost/api/sources", { method: "POST", body: form }),
    );
    expect(accepted.status).toBe(202);
    const { sources } = await accepted.json();
    // The name is kept for display only; where the bytes live does not depend on it.
    expect(sources[0].name).toBe("evil.txt");
  });
});
