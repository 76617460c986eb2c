import { randomUUID } from "node:crypto";
import { type APIRequestContext, test as base, expect } from "@playwright/test";
import { readFixture } from "../fixtures/read-fixture";

/**
 * Playwright's test, failing any test whose page threw or logged an error: a server render that fell
 * back to the client, or a hydration mismatch, shows up only there. Requests the server refused on
 * purpose (404s) are logged by the browser too, and are not errors of the page.
 */
export const test = base.extend<{ pageErrors: undefined }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          errors.push(message.text());
        }
      });
      await use(undefined);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export interface StoredSource {
  id: string;
  name: string;
  status: string;
  chunkCount: number;
  sizeBytes: number;
}

/**
 * Uploads fixture documents through POST /api/sources, as the upload UI does, and waits until each is
 * ingested. The same bytes again are the same source, so every test can ask for the sources it needs.
 */
export async function uploadFixtures(
  request: APIRequestContext,
  names: string[],
): Promise<Record<string, StoredSource>> {
  const stored: Record<string, StoredSource> = {};
  for (const name of names) stored[name] = await uploadDocument(request, name, readFixture(name));
  return stored;
}

/** Uploads one document and waits until it is ingested. */
export async function uploadDocument(
  request: APIRequestContext,
  name: string,
  bytes: Uint8Array,
): Promise<StoredSource> {
  const response = await request.post("/api/sources", {
    multipart: { files: { name, mimeType: "application/octet-stream", buffer: Buffer.from(bytes) } },
  });
  expect(response.status(), await response.text()).toBe(202);
  const [uploaded] = (await response.json()).sources as { id: string }[];
  if (!uploaded) throw new Error(`uploading ${name} answered no source`);
  return waitUntilReady(request, uploaded.id);
}

export async function waitUntilReady(request: APIRequestContext, id: string): Promise<StoredSource> {
  return waitUntilSettled(request, id, "ready");
}

/** Polls GET /api/sources/:id until the source reaches `status` (ingest is over in either case). */
export async function waitUntilSettled(
  request: APIRequestContext,
  id: string,
  status: "ready" | "failed",
): Promise<StoredSource> {
  let source: StoredSource | undefined;
  await expect
    .poll(
      async () => {
        source = (await (await request.get(`/api/sources/${id}`)).json()).source;
        return source?.status;
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(status);
  return source as StoredSource;
}

export async function listSourceIds(request: APIRequestContext): Promise<string[]> {
  const { sources } = (await (await request.get("/api/sources")).json()) as { sources: StoredSource[] };
  return sources.map((source) => source.id);
}

/**
 * Asks a question through POST /api/chat, as the chat UI does, and reads the answer's stream to its
 * end. The conversation is deleted afterwards (its trace stays), so the chat specs that run later find
 * no conversations they did not start.
 */
export async function askQuestion(request: APIRequestContext, text: string): Promise<string> {
  const id = randomUUID();
  const response = await request.post("/api/chat", {
    data: { id, message: { role: "user", parts: [{ type: "text", text }] } },
  });
  expect(response.status()).toBe(200);
  const stream = await response.text();
  expect((await request.delete(`/api/conversations/${id}`)).status()).toBe(204);
  return stream;
}
