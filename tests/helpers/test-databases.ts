import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase } from "@/db/client";
import type { DatabaseConnection, DatabaseKind } from "@/db/database";
import type { EmbeddingSpace } from "@/db/vector-index";
import { createScratchPostgresDatabase } from "./scratch-postgres";

/** A small embedding space so tests can write vectors by hand. */
export const TEST_EMBEDDING: EmbeddingSpace = { model: "test/3d", dimensions: 3 };

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** A database for one suite, and how to get rid of it afterwards. */
interface TestDatabase {
  connection: DatabaseConnection;
  dispose(): Promise<void>;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const connection = await openDatabase({ location: { kind: "pglite" }, embedding: TEST_EMBEDDING });
  return { connection, dispose: () => connection.close() };
}

async function createPostgresDatabase(baseUrl: string): Promise<TestDatabase> {
  const scratch = await createScratchPostgresDatabase(baseUrl);
  const connection = await openDatabase({
    location: { kind: "postgres", url: scratch.url },
    embedding: TEST_EMBEDDING,
  });
  return {
    connection,
    dispose: async () => {
      await connection.close();
      await scratch.drop();
    },
  };
}

export interface DatabaseFixture {
  kind: DatabaseKind;
  /** The suite's connection; valid inside tests and hooks. */
  readonly connection: DatabaseConnection;
}

/**
 * Runs a suite against in-memory PGlite, and again against real Postgres + pgvector when
 * TEST_DATABASE_URL is set. Each run gets its own empty, migrated database.
 */
export function describeEachDatabase(title: string, body: (fixture: DatabaseFixture) => void): void {
  const targets: { kind: DatabaseKind; create: () => Promise<TestDatabase>; available: boolean }[] = [
    { kind: "pglite", create: createPgliteDatabase, available: true },
    {
      kind: "postgres",
      create: () => createPostgresDatabase(testDatabaseUrl as string),
      available: Boolean(testDatabaseUrl),
    },
  ];
  for (const target of targets) {
    describe.skipIf(!target.available)(`${title} [${target.kind}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await target.create();
      });
      afterAll(async () => {
        await database?.dispose();
      });
      body({
        kind: target.kind,
        get connection() {
          if (!database) throw new Error("The test database is only available inside tests and hooks");
          return database.connection;
        },
      });
    });
  }
}
