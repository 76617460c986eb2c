import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { DatabaseInUseError } from "@/db/pglite";
import { sources } from "@/db/schema";

describe("embedded PGlite in a data folder", () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "docent-pglite-"));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const open = () => openDatabase({ location: { kind: "pglite", dataDir } });

  it("keeps data written in one run for the next", async () => {
    const first = await open();
    await first.db.insert(sources).values({
      name: "handbook.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1234,
      sha256: "a".repeat(64),
    });
    await first.close();

    const second = await open();
    try {
      const rows = await second.db.select({ name: sources.name, sizeBytes: sources.sizeBytes }).from(sources);
      expect(rows).toEqual([{ name: "handbook.pdf", sizeBytes: 1234 }]);
    } finally {
      await second.close();
    }
  });

  it("refuses a second open of the same folder while the first is open", async () => {
    const first = await open();
    try {
      const error = await open().then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(DatabaseInUseError);
      expect((error as Error).message).toContain("in use by another Docent process");
    } finally {
      await first.close();
    }
    // Once the first is closed the folder is free again.
    const again = await open();
    await again.close();
  });
});
