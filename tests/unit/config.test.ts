import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("defaults to embedded PGlite, local embeddings and the offline answerer", () => {
    const config = parseConfig({});
    expect(config.database).toEqual({ kind: "pglite", dataDir: ".data" });
    expect(config.embedding).toEqual({
      provider: "local",
      model: "local/universal-sentence-encoder-lite",
      dimensions: 512,
    });
    expect(config.chat).toEqual({ provider: "offline", model: "offline/extractive", timeoutMs: 180_000 });
    expect(config.maxUploadBytes).toBe(50 * 1024 * 1024);
    expect(config.logLevel).toBe("info");
  });

  it("treats empty variables as unset", () => {
    const config = parseConfig({ DATABASE_URL: "", MAX_UPLOAD_MB: "", DATA_DIR: "" });
    expect(config.database).toEqual({ kind: "pglite", dataDir: ".data" });
    expect(config.maxUploadBytes).toBe(50 * 1024 * 1024);
  });

  it("switches to Postgres when DATABASE_URL is set", () => {
    const config = parseConfig({ DATABASE_URL: "postgresql://docent:secret@db.internal:5432/docent" });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgresql://docent:secret@db.internal:5432/docent",
    });
  });

  it("uses OpenAI with an API key, with a default chat model", () => {
    const config = parseConfig({ OPENAI_API_KEY: "sk-test" });
    expect(config.chat).toEqual({ provider: "openai", model: "gpt-5-mini", timeoutMs: 180_000 });
    expect(config.openai.apiKey).toBe("sk-test");
    // Embeddings stay local until EMBEDDING_MODEL asks otherwise: switching would need a re-index.
    expect(config.embedding.provider).toBe("local");
  });

  it("uses an OpenAI-compatible server with its named models and known dimensions", () => {
    const config = parseConfig({
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      CHAT_MODEL: "llama3.2",
      EMBEDDING_MODEL: "nomic-embed-text",
    });
    expect(config.chat).toEqual({ provider: "openai-compatible", model: "llama3.2", timeoutMs: 180_000 });
    expect(config.embedding).toEqual({ provider: "openai", model: "nomic-embed-text", dimensions: 768 });
  });

  it("takes EMBEDDING_DIMENSIONS for an unknown remote embedding model", () => {
    const config = parseConfig({
      OPENAI_API_KEY: "sk-test",
      EMBEDDING_MODEL: "my-embedder",
      EMBEDDING_DIMENSIONS: "1024",
    });
    expect(config.embedding).toEqual({ provider: "openai", model: "my-embedder", dimensions: 1024 });
  });

  it("names the variable and the expectation for a bad number", () => {
    expect(configError({ MAX_UPLOAD_MB: "abc" })).toBe(
      'Invalid configuration: MAX_UPLOAD_MB must be a whole number of megabytes (got "abc")',
    );
    expect(configError({ MAX_UPLOAD_MB: "0" })).toMatch(/MAX_UPLOAD_MB must be at least 1/);
    expect(configError({ MAX_UPLOAD_MB: "2.5" })).toMatch(/MAX_UPLOAD_MB must be a whole number/);
  });

  it("lists every bad variable on one line", () => {
    const message = configError({ DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", ADMIN_PASSWORD: "short" });
    expect(message).not.toContain("\n");
    expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ connection URL/);
    expect(message).toMatch(/LOG_LEVEL must be one of debug, info, warn, error, silent \(got "loud"\)/);
    expect(message).toMatch(/ADMIN_PASSWORD must be at least 8 characters long/);
  });

  it("rejects an OPENAI_BASE_URL that is not http(s)", () => {
    expect(configError({ OPENAI_BASE_URL: "localhost:11434", CHAT_MODEL: "x" })).toMatch(
      /OPENAI_BASE_URL must be an http\(s\) URL/,
    );
  });

  it("requires CHAT_MODEL with OPENAI_BASE_URL", () => {
    expect(configError({ OPENAI_BASE_URL: "http://localhost:8000/v1" })).toMatch(
      /CHAT_MODEL must name the model/,
    );
  });

  it("refuses model settings that the offline mode would silently ignore", () => {
    expect(configError({ CHAT_MODEL: "gpt-4o" })).toMatch(
      /CHAT_MODEL needs OPENAI_API_KEY or OPENAI_BASE_URL/,
    );
    expect(configError({ EMBEDDING_MODEL: "text-embedding-3-small" })).toMatch(
      /EMBEDDING_MODEL needs OPENAI_API_KEY or OPENAI_BASE_URL/,
    );
    expect(configError({ EMBEDDING_DIMENSIONS: "768" })).toMatch(
      /EMBEDDING_DIMENSIONS must be 512 for the local embedding model/,
    );
  });

  it("requires dimensions for an unknown remote embedding model, within the index limit", () => {
    expect(configError({ OPENAI_API_KEY: "sk", EMBEDDING_MODEL: "mystery" })).toMatch(
      /EMBEDDING_DIMENSIONS must be set for EMBEDDING_MODEL "mystery"/,
    );
    expect(
      configError({
        OPENAI_API_KEY: "sk",
        EMBEDDING_MODEL: "text-embedding-3-large",
        EMBEDDING_DIMENSIONS: "3072",
      }),
    ).toMatch(/EMBEDDING_DIMENSIONS must be at most 2000/);
  });

  it("gives an answer three minutes unless CHAT_TIMEOUT_SECONDS says otherwise", () => {
    expect(parseConfig({}).chat.timeoutMs).toBe(180_000);
    expect(parseConfig({ CHAT_TIMEOUT_SECONDS: "600" }).chat.timeoutMs).toBe(600_000);
    expect(configError({ CHAT_TIMEOUT_SECONDS: "0" })).toMatch(/CHAT_TIMEOUT_SECONDS must be at least 1/);
  });

  it("keeps answers for a day unless RESPONSE_CACHE_TTL_SECONDS says otherwise, and 0 turns the cache off", () => {
    expect(parseConfig({}).responseCache).toEqual({ enabled: true, ttlSeconds: 86_400 });
    expect(parseConfig({ RESPONSE_CACHE_TTL_SECONDS: "" }).responseCache).toEqual({
      enabled: true,
      ttlSeconds: 86_400,
    });
    expect(parseConfig({ RESPONSE_CACHE_TTL_SECONDS: "600" }).responseCache).toEqual({
      enabled: true,
      ttlSeconds: 600,
    });
    expect(parseConfig({ RESPONSE_CACHE_TTL_SECONDS: "0" }).responseCache).toEqual({
      enabled: false,
      ttlSeconds: 0,
    });
  });

  it("names RESPONSE_CACHE_TTL_SECONDS when it is not a whole number of seconds up to a year", () => {
    expect(configError({ RESPONSE_CACHE_TTL_SECONDS: "1h" })).toBe(
      'Invalid configuration: RESPONSE_CACHE_TTL_SECONDS must be a whole number of seconds (got "1h")',
    );
    expect(configError({ RESPONSE_CACHE_TTL_SECONDS: "-1" })).toMatch(
      /RESPONSE_CACHE_TTL_SECONDS must be at least 0/,
    );
    expect(configError({ RESPONSE_CACHE_TTL_SECONDS: "31536001" })).toMatch(
      /RESPONSE_CACHE_TTL_SECONDS must be at most 31536000/,
    );
  });

  it("lets the app leave ingestion to separate workers only when they can share the database", () => {
    expect(parseConfig({}).ingestWorker).toBe("in-process");
    expect(
      parseConfig({ DATABASE_URL: "postgres://db/docent", INGEST_WORKER: "external" }).ingestWorker,
    ).toBe("external");
    expect(configError({ INGEST_WORKER: "external" })).toMatch(/INGEST_WORKER=external needs DATABASE_URL/);
    expect(configError({ INGEST_WORKER: "sometimes" })).toMatch(
      /INGEST_WORKER must be in-process or external/,
    );
  });
});
