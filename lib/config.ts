import { z } from "zod";

/**
 * Every setting Docent reads from the environment, parsed once at start-up.
 * A bad value stops start-up with one line that names the variable (see ConfigError).
 */

const LOCAL_EMBEDDING_MODEL = "local/universal-sentence-encoder-lite";
const LOCAL_EMBEDDING_DIMENSIONS = 512;
const OFFLINE_CHAT_MODEL = "offline/extractive";
const DEFAULT_OPENAI_CHAT_MODEL = "gpt-5-mini";
// HNSW indexes on pgvector's `vector` type accept at most 2,000 dimensions.
const MAX_INDEXED_DIMENSIONS = 2000;
const DAY_SECONDS = 86_400;
// A year: answers older than that come from documents and models that have likely changed.
const MAX_RESPONSE_CACHE_TTL_SECONDS = 365 * DAY_SECONDS;

/** Dimensions of well-known remote embedding models, so EMBEDDING_DIMENSIONS can be left out for them. */
const KNOWN_EMBEDDING_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-ada-002": 1536,
  "nomic-embed-text": 768,
  "mxbai-embed-large": 1024,
  "all-minilm": 384,
};

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const optionalText = z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional());

const httpUrl = (what: string) =>
  z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: `must be an http(s) URL of ${what}` }).optional(),
  );

const wholeNumber = (what: string, min: number, max: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `must be a whole number of ${what}` })
      .int({ error: `must be a whole number of ${what}` })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` })
      .optional(),
  );

const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({
        protocol: /^postgres(ql)?$/,
        error: "must be a postgres:// or postgresql:// connection URL",
      })
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: httpUrl("an OpenAI-compatible server, e.g. http://localhost:11434/v1"),
  CHAT_MODEL: optionalText,
  EMBEDDING_MODEL: optionalText,
  EMBEDDING_DIMENSIONS: wholeNumber("dimensions", 1, MAX_INDEXED_DIMENSIONS),
  ADMIN_PASSWORD: z.preprocess(
    emptyAsUndefined,
    z.string().min(8, { error: "must be at least 8 characters long" }).optional(),
  ),
  MAX_UPLOAD_MB: wholeNumber("megabytes", 1, 1024).transform((value) => value ?? 50),
  RESPONSE_CACHE_TTL_SECONDS: wholeNumber("seconds", 0, MAX_RESPONSE_CACHE_TTL_SECONDS).transform(
    (value) => value ?? DAY_SECONDS,
  ),
  RATE_LIMIT_PER_MINUTE: wholeNumber("requests", 0, 100_000).transform((value) => value ?? 120),
  CHAT_TIMEOUT_SECONDS: wholeNumber("seconds", 1, 3600).transform((value) => value ?? 180),
  INGEST_WORKER: z.preprocess(
    emptyAsUndefined,
    z.enum(["in-process", "external"], { error: "must be in-process or external" }).default("in-process"),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z
      .enum(["debug", "info", "warn", "error", "silent"], {
        error: "must be one of debug, info, warn, error, silent",
      })
      .default("info"),
  ),
});

export type ChatProvider = "offline" | "openai" | "openai-compatible";
export type EmbeddingProvider = "local" | "openai";

export interface Config {
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  dataDir: string;
  openai: { apiKey?: string; baseUrl?: string };
  /** `timeoutMs` bounds one whole answer, retries included. */
  chat: { provider: ChatProvider; model: string; timeoutMs: number };
  embedding: { provider: EmbeddingProvider; model: string; dimensions: number };
  adminPassword?: string;
  maxUploadBytes: number;
  /** Chat, search and upload requests each client may make per minute, each kind counted apart; 0 = no limit. */
  rateLimitPerMinute: number;
  /** Answers kept by model and exact prompt; a TTL of 0 turns the cache off. */
  responseCache: { enabled: boolean; ttlSeconds: number };
  /** Whether the app server ingests uploads itself, or leaves that to `npm run worker` processes. */
  ingestWorker: "in-process" | "external";
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
}

/** A configuration problem; its message is one line that names each bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function describeValue(value: unknown): string {
  if (value === undefined) return "it is not set";
  const text = String(value);
  return `got "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** Parses an environment (process.env by default) into Docent's configuration, or throws ConfigError. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name} ${issue.message} (${describeValue(env[name])})`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const remoteLlm = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);

  const chatProvider: ChatProvider = e.OPENAI_BASE_URL
    ? "openai-compatible"
    : e.OPENAI_API_KEY
      ? "openai"
      : "offline";
  if (chatProvider === "openai-compatible" && !e.CHAT_MODEL) {
    throw new ConfigError(
      "Invalid configuration: CHAT_MODEL must name the model to use on OPENAI_BASE_URL (it is not set), e.g. CHAT_MODEL=llama3.2",
    );
  }
  if (chatProvider === "offline" && e.CHAT_MODEL) {
    throw new ConfigError(
      "Invalid configuration: CHAT_MODEL needs OPENAI_API_KEY or OPENAI_BASE_URL (neither is set); unset it to use the offline answerer",
    );
  }
  const chatModel =
    chatProvider === "offline" ? OFFLINE_CHAT_MODEL : (e.CHAT_MODEL ?? DEFAULT_OPENAI_CHAT_MODEL);

  let embedding: Config["embedding"];
  if (!e.EMBEDDING_MODEL) {
    if (e.EMBEDDING_DIMENSIONS !== undefined && e.EMBEDDING_DIMENSIONS !== LOCAL_EMBEDDING_DIMENSIONS) {
      throw new ConfigError(
        `Invalid configuration: EMBEDDING_DIMENSIONS must be ${LOCAL_EMBEDDING_DIMENSIONS} for the local embedding model (got "${e.EMBEDDING_DIMENSIONS}"); set EMBEDDING_MODEL to use another`,
      );
    }
    embedding = { provider: "local", model: LOCAL_EMBEDDING_MODEL, dimensions: LOCAL_EMBEDDING_DIMENSIONS };
  } else {
    if (!remoteLlm) {
      throw new ConfigError(
        "Invalid configuration: EMBEDDING_MODEL needs OPENAI_API_KEY or OPENAI_BASE_URL (neither is set); unset it to use the local embedding model",
      );
    }
    const dimensions = e.EMBEDDING_DIMENSIONS ?? KNOWN_EMBEDDING_DIMENSIONS[e.EMBEDDING_MODEL];
    if (dimensions === undefined) {
      throw new ConfigError(
        `Invalid configuration: EMBEDDING_DIMENSIONS must be set for EMBEDDING_MODEL "${e.EMBEDDING_MODEL}" (it is not set)`,
      );
    }
    embedding = { provider: "openai", model: e.EMBEDDING_MODEL, dimensions };
  }

  if (e.INGEST_WORKER === "external" && !e.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration: INGEST_WORKER=external needs DATABASE_URL (it is not set); the embedded database serves one process, so the app must ingest itself",
    );
  }

  return {
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: e.DATA_DIR },
    dataDir: e.DATA_DIR,
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL },
    chat: { provider: chatProvider, model: chatModel, timeoutMs: e.CHAT_TIMEOUT_SECONDS * 1000 },
    embedding,
    adminPassword: e.ADMIN_PASSWORD,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    responseCache: { enabled: e.RESPONSE_CACHE_TTL_SECONDS > 0, ttlSeconds: e.RESPONSE_CACHE_TTL_SECONDS },
    ingestWorker: e.INGEST_WORKER,
    logLevel: e.LOG_LEVEL,
  };
}

let cached: Config | undefined;

/** The process's configuration, parsed from process.env on first use and then kept. */
export function getConfig(): Config {
  cached ??= parseConfig();
  return cached;
}
