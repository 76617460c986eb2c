import { beforeEach, describe, expect, it } from "vitest";
import type { DocentError } from "@/lib/errors";
import { clientKey, enforceRateLimit, resetRateLimits } from "@/lib/http/rate-limit";

const rule = { name: "test", limit: 3, windowMs: 60_000 };

function refusal(run: () => void): DocentError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as DocentError;
  }
}

describe("enforceRateLimit", () => {
  beforeEach(() => resetRateLimits());

  it("allows the limit per window, then answers 429 with Retry-After until the window ends", () => {
    const start = 1_000_000;
    for (let i = 0; i < 3; i += 1) enforceRateLimit(rule, "a", start + i);
    const error = refusal(() => enforceRateLimit(rule, "a", start + 15_000));
    expect(error?.status).toBe(429);
    expect(error?.headers["Retry-After"]).toBe("45");
    expect(refusal(() => enforceRateLimit(rule, "a", start + 60_000))).toBeUndefined();
  });

  it("counts each client and each kind of request apart", () => {
    for (let i = 0; i < 3; i += 1) enforceRateLimit(rule, "a", 0);
    expect(refusal(() => enforceRateLimit(rule, "b", 0))).toBeUndefined();
    expect(refusal(() => enforceRateLimit({ ...rule, name: "other" }, "a", 0))).toBeUndefined();
    expect(refusal(() => enforceRateLimit(rule, "a", 0))?.status).toBe(429);
  });

  it("does nothing when the limit is 0", () => {
    for (let i = 0; i < 100; i += 1) enforceRateLimit({ ...rule, limit: 0 }, "a", 0);
  });
});

describe("clientKey", () => {
  it("takes the first forwarded address", () => {
    const request = new Request("http://x/", { headers: { "x-forwarded-for": "10.0.0.7, 127.0.0.1" } });
    expect(clientKey(request)).toBe("10.0.0.7");
    expect(clientKey(new Request("http://x/"))).toBe("unknown");
  });
});
