import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { DatabaseInUseError } from "@/db/pglite";
import { sources } from "@/db/schema";
import { useTempDir } from "../helpers/temp-dir";

describe("embedded PGlite in a data folder", () => {
  const temp = useTempDir("pglite");
  const open = () => openDatabase({ location: { kind: "pglite", dataDir: temp.path } });

  it("keeps data written in one run for the next", async () => {
    const first = await open();
    await first.db.insert(sources).values({
      name: "handbook.pdf",
      mimeType: "application/pdf",
      format: "pdf",
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
