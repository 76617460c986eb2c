import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deleteExpiredResponses } from "@/db/queries/response-cache";
import { responseCache } from "@/db/schema";
import { cacheResponse, lookUpCachedResponse, promptCacheKey } from "@/lib/chat/response-cache";
import { describeEachDatabase } from "../helpers/test-databases";

const MODEL = "offline/extractive";
const ON = { enabled: true, ttlSeconds: 3600 };
const OFF = { enabled: false, ttlSeconds: 0 };

const prompt = (question: string) => ({
  model: MODEL,
  instructions: "Answer only from the numbered context.",
  messages: [{ role: "user", content: [{ type: "text", text: question }] }],
  settings: { temperature: 0, maxOutputTokens: 512 },
});

describe("promptCacheKey", () => {
  it("gives the same key for the same prompt, whatever the order of its fields", () => {
    const reordered = {
      settings: { maxOutputTokens: 512, temperature: 0 },
      messages: [{ content: [{ text: "What is the refund window?", type: "text" }], role: "user" }],
      instructions: "Answer only from the numbered context.",
      model: MODEL,
    };
    expect(promptCacheKey(reordered)).toBe(promptCacheKey(prompt("What is the refund window?")));
    expect(promptCacheKey(prompt("What is the refund window?"))).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives a different key when anything that shapes the answer differs", () => {
    const base = prompt("What is the refund window?");
    const keys = [
      base,
      prompt("What is the refund window? "),
      { ...base, model: "gpt-5-mini" },
      { ...base, instructions: "Answer briefly." },
      { ...base, settings: { temperature: 0.7, maxOutputTokens: 512 } },
      { ...base, settings: undefined },
      { ...base, messages: [...base.messages, { role: "assistant", content: "30 days." }] },
    ].map(promptCacheKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describeEachDatabase("the response cache", (fixture) => {
  const db = () => fixture.connection.db;

  it("answers the same prompt from the cache within its lifetime", async () => {
    const key = promptCacheKey(prompt("What is the refund window?"));
    const response = {
      text: "Refunds are issued within 30 days [1].",
      usage: { inputTokens: 812, outputTokens: 9 },
    };

    await cacheResponse({ db: db(), cache: ON, model: MODEL, key, response });

    expect(await lookUpCachedResponse({ db: db(), cache: ON, model: MODEL, key })).toEqual(response);
  });

  it("misses for a different prompt or another model", async () => {
    const key = promptCacheKey(prompt("Who approves expenses?"));
    await cacheResponse({ db: db(), cache: ON, model: MODEL, key, response: { text: "Your manager [1]." } });

    const otherKey = promptCacheKey(prompt("Who approves travel?"));
    expect(await lookUpCachedResponse({ db: db(), cache: ON, model: MODEL, key: otherKey })).toBeUndefined();
    expect(await lookUpCachedResponse({ db: db(), cache: ON, model: "gpt-5-mini", key })).toBeUndefined();
  });

  it("misses once the answer has expired, and a fresh answer replaces the expired one", async () => {
    const key = promptCacheKey(prompt("Where do I get a badge?"));
    await db()
      .insert(responseCache)
      .values({
        model: MODEL,
        promptHash: key,
        response: { text: "At the old reception." },
        expiresAt: sql`now() - interval '1 second'`,
      });

    expect(await lookUpCachedResponse({ db: db(), cache: ON, model: MODEL, key })).toBeUndefined();

    await cacheResponse({ db: db(), cache: ON, model: MODEL, key, response: { text: "At reception [1]." } });
    expect(await lookUpCachedResponse({ db: db(), cache: ON, model: MODEL, key })).toEqual({
      text: "At reception [1].",
    });
  });

  it("clears out expired answers and keeps live ones", async () => {
    const expiredKey = promptCacheKey(prompt("An old question"));
    const liveKey = promptCacheKey(prompt("A recent question"));
    await db()
      .insert(responseCache)
      .values({
        model: MODEL,
        promptHash: expiredKey,
        response: { text: "Old." },
        expiresAt: sql`now() - interval '1 day'`,
      });
    await cacheResponse({ db: db(), cache: ON, model: MODEL, key: liveKey, response: { text: "Recent." } });

    expect(await deleteExpiredResponses({ db: db() })).toBeGreaterThanOrEqual(1);

    const keys = (await db().select({ key: responseCache.promptHash }).from(responseCache)).map(
      (row) => row.key,
    );
    expect(keys).not.toContain(expiredKey);
    expect(keys).toContain(liveKey);
  });

  it("stores nothing and serves nothing when turned off", async () => {
    const key = promptCacheKey(prompt("Is the cache off?"));
    const before = await db().$count(responseCache);

    await cacheResponse({ db: db(), cache: OFF, model: MODEL, key, response: { text: "Yes." } });
    expect(await db().$count(responseCache)).toBe(before);

    // An answer stored while the cache was on is not served after it was turned off.
    await cacheResponse({ db: db(), cache: ON, model: MODEL, key, response: { text: "Yes." } });
    expect(await lookUpCachedResponse({ db: db(), cache: OFF, model: MODEL, key })).toBeUndefined();
  });
});
