import { randomBytes } from "node:crypto";
import pg from "pg";

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
    drop: async () => {
      await withClient(baseUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
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
