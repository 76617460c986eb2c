import { expect } from "@playwright/test";
import { test, uploadFixtures } from "./admin-fixtures";
import { ask, conversationIdOf, lastAnswer, waitForAnswer } from "./chat-helpers";
import { SLOW_LLM_APP_URL } from "./servers";

// These answers come from the slow mock model (tests/e2e/slow-llm-server.ts): word by word, so there
// is time to watch one arrive and to stop it.
test.use({ baseURL: SLOW_LLM_APP_URL });

const FILLER = "The test model writes this part slowly, so that a reader has time to stop it.";

interface StoredMessage {
  role: string;
  parts: { type: string; text?: string }[];
}
const textOf = (message: StoredMessage) => message.parts.map((part) => part.text ?? "").join("");

test("an answer streams in with its citation, stops when asked, and is regenerated as a new answer", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf"]);
  await page.goto("/");
  await expect(page.getByText("slow-test-model")).toBeVisible();
  await ask(page, "How long do refunds take to be processed?");

  const answer = lastAnswer(page);
  const stop = page.getByRole("button", { name: "Stop" });
  // The text and its chip are on screen while the answer is still arriving.
  await expect(answer).toContainText(/Answer \d+: Refunds are processed within 14 days/);
  await expect(answer.getByRole("button", { name: /^Source \d+: handbook\.pdf, page \d+$/ })).toBeVisible();
  await expect(stop).toBeVisible();
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  const first = (/Answer (\d+)/.exec((await answer.textContent()) ?? "") as RegExpExecArray)[1];

  await stop.click();
  await expect(stop).toBeHidden();
  await expect(answer.getByRole("button", { name: "Regenerate answer" })).toBeVisible();
  const shown = (await answer.textContent()) ?? "";
  expect(shown.split(FILLER).length - 1).toBeLessThan(4);

  // The server stopped too: it kept what had been written, not the whole answer.
  const id = await conversationIdOf(page);
  const stopped = (await (await request.get(`/api/conversations/${id}`)).json()).messages as StoredMessage[];
  expect(stopped.map((message) => message.role)).toEqual(["user", "assistant"]);
  const kept = textOf(stopped[1] as StoredMessage);
  expect(kept).toContain(`Answer ${first}: Refunds are processed`);
  expect(kept.split(FILLER).length - 1).toBeLessThan(4);

  await answer.getByRole("button", { name: "Regenerate answer" }).click();
  await expect(answer).toContainText(/Answer \d+: Refunds/);
  await expect(answer).not.toContainText(`Answer ${first}:`);
  await waitForAnswer(page);
  const second = (/Answer (\d+)/.exec((await answer.textContent()) ?? "") as RegExpExecArray)[1];
  expect(second).not.toBe(first);
  await expect(page.getByRole("article", { name: "Answer" })).toHaveCount(1);

  const regenerated = (await (await request.get(`/api/conversations/${id}`)).json())
    .messages as StoredMessage[];
  expect(regenerated.map((message) => message.role)).toEqual(["user", "assistant"]);
  expect(textOf(regenerated[1] as StoredMessage)).toContain(`Answer ${second}: Refunds`);
  expect(textOf(regenerated[1] as StoredMessage).split(FILLER).length - 1).toBe(4);
  expect((await request.delete(`/api/conversations/${id}`)).status()).toBe(204);
});

test("Markdown from the model renders as tables and highlighted code, never as HTML, scripts or images", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf"]);
  await page.goto("/");
  await ask(page, "Show the hostile sample, please.");
  await waitForAnswer(page);
  const answer = lastAnswer(page);

  await expect(answer.getByRole("table")).toContainText("Refund");
  await expect(answer.locator("pre code.hljs")).toContainText("const days = 14;");
  await expect(answer.locator("pre code .hljs-keyword")).toHaveText("const");
  // The raw HTML is shown as the text it is, not made into an element.
  await expect(answer).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(answer.locator("img")).toHaveCount(0);
  await expect(answer.locator("[onerror]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  // The javascript: link keeps its text and loses its target; the image is a link to open on purpose.
  await expect(page.locator('[href^="javascript:" i]')).toHaveCount(0);
  await expect(answer.getByText("click me")).toBeVisible();
  await expect(answer.getByRole("link", { name: "click me" })).toHaveCount(0);
  const tracker = answer.getByRole("link", { name: "tracker" });
  await expect(tracker).toHaveAttribute("href", "http://example.invalid/t.png");
  await expect(tracker).toHaveAttribute("target", "_blank");
  await expect(tracker).toHaveAttribute("rel", "noopener noreferrer nofollow");
  expect((await request.delete(`/api/conversations/${await conversationIdOf(page)}`)).status()).toBe(204);
});
