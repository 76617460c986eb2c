import { beforeAll, describe, expect, it } from "vitest";
import { readFixture } from "../fixtures/read-fixture";
import { DATABASE_TARGETS, useAppUnderTest } from "../helpers/app-under-test";

/** The source API's route handlers, loaded afresh so they read the environment the suite set. */
async function loadApi() {
  return {
    sources: await import("@/app/api/sources/route"),
    source: await import("@/app/api/sources/[id]/route"),
    reindex: await import("@/app/api/sources/[id]/reindex/route"),
    chunks: await import("@/app/api/sources/[id]/chunks/route"),
    file: await import("@/app/api/sources/[id]/file/route"),
  };
}

type Api = Awaited<ReturnType<typeof loadApi>>;

function uploadRequest(files: { name: string; bytes: Uint8Array }[]): Request {
  const form = new FormData();
  for (const file of files) form.append("files", new Blob([new Uint8Array(file.bytes)]), file.name);
  return new Request("http://localhost/api/sources", { method: "POST", body: form });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

for (const target of DATABASE_TARGETS) {
  describe.skipIf(!target.available)(`the source API [${target.kind}]`, () => {
    const app = useAppUnderTest(target.kind, { env: { MAX_UPLOAD_MB: "1" }, load: loadApi });
    let api: Api;

    beforeAll(() => {
      api = app.modules;
    });

    async function waitUntilSettled(id: string) {
      for (let tries = 0; tries < 300; tries += 1) {
        const body = await (await api.source.GET(new Request("http://localhost"), params(id))).json();
        if (body.source.status === "ready" || body.source.status === "failed") return body.source;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`source ${id} did not finish ingesting`);
    }

    it("accepts files with 202 and ingests them in the background", async () => {
      const response = await api.sources.POST(
        uploadRequest([
          { name: "handbook.pdf", bytes: readFixture("handbook.pdf") },
          { name: "../../etc/offices.csv", bytes: readFixture("offices.csv") },
        ]),
      );
      expect(response.status).toBe(202);
      const { sources } = await response.json();
      expect(sources).toEqual([
        { id: expect.any(String), name: "handbook.pdf", status: "queued" },
        { id: expect.any(String), name: "offices.csv", status: "queued" },
      ]);

      const ready = await waitUntilSettled(sources[0].id);
      expect(ready).toMatchObject({ status: "ready", mimeType: "application/pdf", progress: 1 });
      expect(ready.chunkCount).toBeGreaterThan(0);

      const list = await (await api.sources.GET()).json();
      expect(list.sources.map((source: { name: string }) => source.name).sort()).toEqual([
        "handbook.pdf",
        "offices.csv",
      ]);
      expect(Object.keys(list.sources[0])).toEqual(
        expect.arrayContaining([
          "chunkCount",
          "createdAt",
          "error",
          "id",
          "mimeType",
          "name",
          "progress",
          "sizeBytes",
          "stage",
          "status",
          "updatedAt",
        ]),
      );
    }, 120_000);

    it("answers the same upload again with the existing source", async () => {
      const first = await (
        await api.sources.POST(uploadRequest([{ name: "faq.html", bytes: readFixture("faq.html") }]))
      ).json();
      const again = await (
        await api.sources.POST(uploadRequest([{ name: "faq-copy.html", bytes: readFixture("faq.html") }]))
      ).json();
      expect(again.sources[0].id).toBe(first.sources[0].id);
    });

    it("pages through a source's chunks, serves the original, re-indexes and deletes", async () => {
      const { sources } = await (
        await api.sources.POST(
          uploadRequest([{ name: "onboarding.md", bytes: readFixture("onboarding.md") }]),
        )
      ).json();
      const id = sources[0].id;
      const ready = await waitUntilSettled(id);

      const page = await (
        await api.chunks.GET(
          new Request(`http://localhost/api/sources/${id}/chunks?limit=1&offset=1`),
          params(id),
        )
      ).json();
      expect(page.total).toBe(ready.chunkCount);
      expect(page.chunks).toHaveLength(1);
      expect(page.chunks[0].ordinal).toBe(1);

      const file = await api.file.GET(new Request("http://localhost"), params(id));
      expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="onboarding.md"/);
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(readFixture("onboarding.md"));

      const reindex = await api.reindex.POST(new Request("http://localhost", { method: "POST" }), params(id));
      expect(reindex.status).toBe(202);
      const reindexed = await waitUntilSettled(id);
      expect(reindexed.chunkCount).toBe(ready.chunkCount);

      const deleted = await api.source.DELETE(
        new Request("http://localhost", { method: "DELETE" }),
        params(id),
      );
      expect(deleted.status).toBe(204);
      const gone = await api.source.GET(new Request("http://localhost"), params(id));
      expect(gone.status).toBe(404);
      expect(await gone.json()).toEqual({ error: { code: "not_found:source", message: expect.any(String) } });
      const goneChunks = await api.chunks.GET(
        new Request(`http://localhost/api/sources/${id}/chunks`),
        params(id),
      );
      expect(goneChunks.status).toBe(404);
    });

    it("answers bad uploads with the right status and a JSON error, storing nothing", async () => {
      const before = (await (await api.sources.GET()).json()).sources.length;
      const cases = [
        {
          files: [{ name: "big.txt", bytes: new Uint8Array(1024 * 1024 + 1).fill(97) }],
          status: 413,
          code: "too_large:upload",
        },
        {
          files: [{ name: "program.pdf", bytes: readFixture("program.pdf") }],
          status: 415,
          code: "unsupported:file_type",
        },
        {
          files: [{ name: "empty.md", bytes: new Uint8Array() }],
          status: 400,
          code: "bad_request:empty_file",
        },
        { files: [], status: 400, code: "bad_request:upload" },
      ];
      for (const { files, status, code } of cases) {
        const response = await api.sources.POST(uploadRequest(files));
        expect(response.status, code).toBe(status);
        const body = await response.json();
        expect(body.error.code).toBe(code);
        expect(body.error.message.length).toBeGreaterThan(10);
      }
      const notMultipart = await api.sources.POST(
        new Request("http://localhost/api/sources", {
          method: "POST",
          body: "{}",
          headers: { "content-type": "application/json" },
        }),
      );
      expect(notMultipart.status).toBe(400);
      expect((await (await api.sources.GET()).json()).sources.length).toBe(before);
    });

    it("answers 404 for an id that is not a source", async () => {
      for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
        const response = await api.source.GET(new Request("http://localhost"), params(id));
        expect(response.status).toBe(404);
        expect((await response.json()).error.code).toBe("not_found:source");
      }
    });
  });
}
