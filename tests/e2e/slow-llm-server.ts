import { parseQuestionMessage } from "../../lib/ai/prompts";
import { type ChatCompletionBody, startMockOpenAIServer } from "../helpers/mock-openai-server";

/**
 * An OpenAI-compatible chat model for the e2e specs that need an answer still on its way (stop,
 * regenerate, streaming): it streams word by word, slowly. Started by playwright.config.ts as its own
 * web server; the app server it answers for points OPENAI_BASE_URL here.
 *
 * Answers cite the document that holds the refund rule, and are numbered, so a regenerated answer is
 * told apart from the one it replaces. A question asking for the "hostile sample" gets Markdown a
 * renderer must not trust: raw HTML with a script, a javascript: link and a remote image.
 */
const port = Number(process.env.SLOW_LLM_PORT ?? 3126);
const WORD_DELAY_MS = 80;

const HOSTILE_MARKDOWN = [
  "Here is the hostile sample [1].",
  "",
  '<img src=x onerror="window.__xss=1"> and [click me](javascript:window.__xss=1) and ![tracker](http://example.invalid/t.png)',
  "",
  "| Item | Days |",
  "| --- | --- |",
  "| Refund | 14 |",
  "",
  "```js",
  "const days = 14;",
  "```",
].join("\n");

const FILLER = "The test model writes this part slowly, so that a reader has time to stop it.";

const textOf = (message: ChatCompletionBody["messages"][number]) =>
  typeof message.content === "string"
    ? message.content
    : message.content.map((part) => part.text ?? "").join("");

let answers = 0;
const mock = await startMockOpenAIServer({ port });
mock.reply = (body) => {
  const last = body.messages.findLast((message) => message.role === "user");
  const { documents, question } = parseQuestionMessage(last ? textOf(last) : "");
  // A request that does not stream rewrites a follow-up into a search query.
  if (!body.stream) return { text: question || "refund processing time" };
  answers += 1;
  if (/hostile sample/i.test(question)) return { text: HOSTILE_MARKDOWN, chunkDelayMs: 10 };
  const cited = documents.find((document) => document.content.includes("14 days"))?.index ?? 1;
  const text = `Answer ${answers}: Refunds are processed within 14 days of receiving the returned item [${cited}]. ${Array(4).fill(FILLER).join(" ")}`;
  return { text, chunkDelayMs: WORD_DELAY_MS };
};
console.log(`slow LLM mock on ${mock.baseUrl}`);
