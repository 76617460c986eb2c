import type { DatabaseConnection, DatabaseKind } from "@/db/database";
import type { Config } from "./config";
import { DOCENT_VERSION } from "./version";

export interface HealthReport {
  status: "ok" | "unavailable";
  database: { kind: DatabaseKind; ok: boolean; error?: string };
  embeddingModel: { provider: Config["embedding"]["provider"]; name: string; dimensions: number };
  chatModel: { provider: Config["chat"]["provider"]; name: string };
  version: string;
}

// Opening includes PGlite's start and migrations on first use (seconds on a small machine); once open,
// a healthy database answers `select 1` in milliseconds.
const OPEN_TIMEOUT_MS = 30_000;
const PING_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A person-readable reason from a driver error (connection refused, bad password, …). */
function describeDatabaseError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return describeDatabaseError(error.errors[0]);
  if (error instanceof Error && error.message) return error.message;
  return "the database could not be reached";
}

/** Reports the mode Docent runs in and whether its database answers right now. */
export async function checkHealth(
  config: Config,
  connect: () => Promise<DatabaseConnection>,
): Promise<HealthReport> {
  const database: HealthReport["database"] = { kind: config.database.kind, ok: false };
  try {
    const connection = await withTimeout(connect(), OPEN_TIMEOUT_MS, "Opening the database");
    await withTimeout(connection.ping(), PING_TIMEOUT_MS, "The database");
    database.ok = true;
  } catch (error) {
    database.error = describeDatabaseError(error);
  }
  return {
    status: database.ok ? "ok" : "unavailable",
    database,
    embeddingModel: {
      provider: config.embedding.provider,
      name: config.embedding.model,
      dimensions: config.embedding.dimensions,
    },
    chatModel: { provider: config.chat.provider, name: config.chat.model },
    version: DOCENT_VERSION,
  };
}
