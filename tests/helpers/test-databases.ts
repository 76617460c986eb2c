import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase } from "@/db/client";
import type { DatabaseConnection, DatabaseKind } from "@/db/database";
import type { EmbeddingSpace } from "@/db/vector-index";

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

/** A URL for another database on the same server as `url`. */
function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh, empty database on the TEST_DATABASE_URL server, so suites never see each other's rows and
 * a failed run leaves nothing behind in the shared one. The extension is created as the connecting
 * (super)user, as a DBA would for a production database.
 */
export async function createScratchPostgresDatabase(
  baseUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `docent_test_${randomBytes(6).toString("hex")}`;
  await withClient(baseUrl, (client) => client.query(`create database ${name}`));
  const url = withDatabaseName(baseUrl, name);
  await withClient(url, (client) => client.query("create extension if not exists vector"));
  return {
    url,
    drop: () => withClient(baseUrl, (client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
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
