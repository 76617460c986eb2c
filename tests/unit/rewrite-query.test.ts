import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import type { ChatTurn } from "@/lib/ai/prompts";
import { isStandaloneQuestion, rewriteQuery } from "@/lib/chat/rewrite-query";

const turn = (role: ChatTurn["role"], text: string): ChatTurn => ({ role, text });

const refundTalk = [
  turn("user", "What is the refund policy?"),
  turn("assistant", "Refunds are processed within 14 days of receiving the returned item [1]."),
];

function replying(text: string): MockLanguageModelV4 {
  const result: LanguageModelV4GenerateResult = {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 5, text: 5, reasoning: 0 },
    },
    warnings: [],
  };
  return new MockLanguageModelV4({ doGenerate: result });
}

describe("isStandaloneQuestion", () => {
  it("accepts a question that names its own topic", () => {
    expect(isStandaloneQuestion("How many days of annual leave do I get?")).toBe(true);
    expect(isStandaloneQuestion("极光项目是什么时候启动的？")).toBe(true);
  });

  it("spots follow-ups: connectives, pronouns, references and very short questions", () => {
    for (const question of [
      "How long does it last?",
      "and what about the second one?",
      "What about Berlin?",
      "Also the deadline for receipts?",
      "Are they paid?",
      "Berlin?",
      "那柏林呢？",
    ]) {
      expect(isStandaloneQuestion(question), question).toBe(false);
    }
  });
});

describe("rewriteQuery without a model", () => {
  it("returns the question unchanged when there is no conversation", async () => {
    expect(await rewriteQuery({ question: "How long does it last?", history: [] })).toBe(
      "How long does it last?",
    );
  });

  it("returns a standalone question unchanged", async () => {
    const question = "Where do orders ship from?";
    expect(await rewriteQuery({ question, history: refundTalk })).toBe(question);
  });

  it("completes a follow-up with the topic words of the previous question", async () => {
    expect(await rewriteQuery({ question: "How long does it last?", history: refundTalk })).toBe(
      "How long does it last? refund policy",
    );
    const offices = [turn("user", "Where is the London office?"), turn("assistant", "On Baker Street [1].")];
    expect(await rewriteQuery({ question: "What about Berlin?", history: offices })).toBe(
      "What about Berlin? london office",
    );
  });

  it("follows a chain of follow-ups back to the question that set the topic", async () => {
    const history = [
      turn("user", "Who approves hotel stays on business trips?"),
      turn("assistant", "Your manager [1]."),
      turn("user", "and taxis?"),
      turn("assistant", "Taxis are reimbursed when public transport is unavailable [1]."),
    ];
    expect(await rewriteQuery({ question: "Is there a limit for them?", history })).toBe(
      "Is there a limit for them? taxis approves hotel stays business trips",
    );
  });

  it("is deterministic", async () => {
    const first = await rewriteQuery({ question: "And the second one?", history: refundTalk });
    expect(await rewriteQuery({ question: "And the second one?", history: refundTalk })).toBe(first);
  });
});

describe("rewriteQuery with a model", () => {
  it("asks the model with the rewrite prompt and returns its trimmed answer", async () => {
    const model = replying('  "refund policy processing time"\n');
    const query = await rewriteQuery({ question: "How long does it take?", history: refundTalk, model });
    expect(query).toBe("refund policy processing time");
    const [call] = model.doGenerateCalls;
    const prompt = JSON.stringify(call?.prompt);
    expect(prompt).toContain("standalone search query");
    expect(prompt).toContain("What is the refund policy?");
    expect(prompt).toContain("Latest question: How long does it take?");
  });

  it("does not call the model when there is no conversation to resolve", async () => {
    const model = replying("unused");
    expect(await rewriteQuery({ question: "What is the refund policy?", history: [], model })).toBe(
      "What is the refund policy?",
    );
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it("falls back to the heuristic when the model returns nothing", async () => {
    const query = await rewriteQuery({
      question: "How long does it last?",
      history: refundTalk,
      model: replying(" "),
    });
    expect(query).toBe("How long does it last? refund policy");
  });

  it("falls back to the heuristic when the model fails", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("connection refused");
      },
    });
    const query = await rewriteQuery({ question: "How long does it last?", history: refundTalk, model });
    expect(query).toBe("How long does it last? refund policy");
  });

  it("gives up rather than falling back when the caller aborts", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async ({ abortSignal }) => {
        abortSignal?.throwIfAborted();
        throw new Error("unreachable");
      },
    });
    const question = "How long does it last?";
    await expect(
      rewriteQuery({ question, history: refundTalk, model, abortSignal: AbortSignal.abort() }),
    ).rejects.toThrow(/abort/i);
  });
});
