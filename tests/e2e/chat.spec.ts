import { expect } from "@playwright/test";
import { test, uploadDocument, uploadFixtures } from "./admin-fixtures";
import { ask, conversationIdOf, lastAnswer, waitForAnswer } from "./chat-helpers";

const REFUND_QUESTION = "How long do refunds take to be processed?";

/** The page of handbook.pdf that holds the refund rule, as the server stored its chunks. */
async function refundPage(request: import("@playwright/test").APIRequestContext, id: string) {
  const { chunks } = await (await request.get(`/api/sources/${id}/chunks?limit=100`)).json();
  const chunk = chunks.find((c: { content: string }) =>
    c.content.includes("Refunds are processed within 14"),
  );
  expect(chunk, "the refund rule is in a chunk of handbook.pdf").toBeTruthy();
  return chunk.page as number;
}

test("a question is answered from the handbook with a citation chip that opens the cited passage", async ({
  page,
  request,
}) => {
  const { "handbook.pdf": handbook } = await uploadFixtures(request, ["handbook.pdf"]);
  const pageNumber = await refundPage(request, handbook?.id as string);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Chat with your documents" })).toBeVisible();
  await expect(page.getByText("Drop files here, then ask a question.")).toBeVisible();

  await ask(page, REFUND_QUESTION);
  const answer = lastAnswer(page);
  await expect(answer).toContainText("Refunds are processed within 14 days");
  await waitForAnswer(page);
  await expect(answer.getByText("Offline extractive")).toBeVisible();

  const chip = answer.getByRole("button", {
    name: new RegExp(`^Source \\d+: handbook\\.pdf, page ${pageNumber}$`),
  });
  await expect(chip.first()).toBeVisible();
  await chip.first().click();
  const panel = page.getByRole("complementary", { name: /^Source \d+$/ });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("handbook.pdf");
  await expect(panel).toContainText(`Page ${pageNumber}`);
  await expect(panel.getByRole("blockquote")).toContainText("Refunds are processed within 14 days");
  await expect(panel.getByRole("link", { name: "Download handbook.pdf" })).toHaveAttribute(
    "href",
    `/api/sources/${handbook?.id}/file`,
  );
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(chip.first()).toBeFocused();

  // The server stored the conversation: the page moved to it without a reload, and the sidebar has it.
  const id = await conversationIdOf(page);
  const sidebar = page.getByRole("navigation", { name: "Conversations" });
  await expect(sidebar.getByRole("link", { name: REFUND_QUESTION })).toHaveAttribute("href", `/chat/${id}`);
  expect((await request.delete(`/api/conversations/${id}`)).status()).toBe(204);
});

test("Shift+Enter starts a new line, Enter sends, and Send waits for a question", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf"]);
  await page.goto("/");
  const composer = page.getByRole("textbox", { name: "Your question" });
  const send = page.getByRole("button", { name: "Send" });
  await expect(send).toBeDisabled();
  await composer.fill("How long do refunds");
  await composer.press("Shift+Enter");
  await composer.pressSequentially("take to be processed?");
  await expect(composer).toHaveValue("How long do refunds\ntake to be processed?");
  await composer.press("Enter");
  await expect(composer).toHaveValue("");
  await expect(page.getByRole("article", { name: "Your question" })).toHaveText(
    "How long do refunds\ntake to be processed?",
  );
  await waitForAnswer(page);
  expect((await request.delete(`/api/conversations/${await conversationIdOf(page)}`)).status()).toBe(204);
});

test("conversations: a new one starts from the sidebar, the old one is there after a reload, and both can be renamed and deleted", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf"]);
  await page.goto("/");
  await ask(page, "When are the core working hours?");
  await waitForAnswer(page);
  const firstId = await conversationIdOf(page);
  const sidebar = page.getByRole("navigation", { name: "Conversations" });

  await sidebar.getByRole("link", { name: "New conversation" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { name: "Chat with your documents" })).toBeVisible();
  await ask(page, REFUND_QUESTION);
  await waitForAnswer(page);
  const secondId = await conversationIdOf(page);
  expect(secondId).not.toBe(firstId);

  await page.reload();
  const first = sidebar.getByRole("link", { name: "When are the core working hours?" });
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(`/chat/${firstId}`);
  await expect(page.getByRole("article", { name: "Your question" })).toHaveText(
    "When are the core working hours?",
  );
  await expect(lastAnswer(page)).toContainText("10:00 to 15:00");

  await sidebar.getByRole("button", { name: "Rename When are the core working hours?" }).click();
  const title = sidebar.getByRole("textbox", { name: "New title" });
  await expect(title).toBeFocused();
  await title.fill("Core hours");
  await title.press("Enter");
  await expect(sidebar.getByRole("link", { name: "Core hours" })).toBeVisible();
  await page.reload();
  await expect(sidebar.getByRole("link", { name: "Core hours" })).toHaveAttribute("aria-current", "page");
  const stored = await (await request.get(`/api/conversations/${firstId}`)).json();
  expect(stored.conversation.title).toBe("Core hours");

  await sidebar.getByRole("button", { name: "Delete Core hours" }).click();
  await expect(sidebar.getByText("Delete “Core hours” and its messages?")).toBeVisible();
  await sidebar.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL("/");
  await expect(sidebar.getByRole("link", { name: "Core hours" })).toHaveCount(0);
  expect((await request.get(`/api/conversations/${firstId}`)).status()).toBe(404);

  await sidebar.getByRole("button", { name: `Delete ${REFUND_QUESTION}` }).click();
  await sidebar.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(sidebar.getByText("No conversations yet.")).toBeVisible();
  expect((await request.get(`/api/conversations/${secondId}`)).status()).toBe(404);
});

test("a conversation scoped to one source cites only that source, and keeps its scope", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf", "faq.html"]);
  await page.goto("/");
  await page.getByRole("button", { name: "Sources: all" }).click();
  const picker = page.getByRole("group", { name: "Sources this conversation may use" });
  await expect(picker.getByRole("checkbox", { name: "All sources" })).toBeChecked();
  await picker.getByRole("checkbox", { name: "handbook.pdf" }).uncheck();
  // Everything but handbook.pdf: faq.html is the only source left that knows about refunds.
  await expect(picker.getByRole("checkbox", { name: "All sources" })).not.toBeChecked();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("button", { name: /^Sources: \d+ chosen$/ })).toBeFocused();

  await ask(page, REFUND_QUESTION);
  await waitForAnswer(page);
  const chips = lastAnswer(page).getByRole("button", { name: /^Source \d+:/ });
  await expect(chips.first()).toBeVisible();
  for (const name of await chips.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")))) {
    expect(name).not.toContain("handbook.pdf");
  }
  const id = await conversationIdOf(page);
  const { conversation } = await (await request.get(`/api/conversations/${id}`)).json();
  const { sources } = await (await request.get("/api/sources")).json();
  const handbook = sources.find((source: { name: string }) => source.name === "handbook.pdf");
  expect(conversation.sourceIds.length).toBeGreaterThan(0);
  expect(conversation.sourceIds).not.toContain(handbook.id);

  await page.reload();
  await expect(page.getByRole("button", { name: /^Sources: \d+ chosen$/ })).toBeVisible();
  expect((await request.delete(`/api/conversations/${id}`)).status()).toBe(204);
});

test("an answer quoting a hostile document runs no script, loads no image and keeps no javascript: link", async ({
  page,
  request,
}) => {
  // Markdown syntax in a text file: the Markdown parser would already reduce it to plain text, so a
  // .md file could not bring it into an answer; a .txt file keeps every character for the answer to quote.
  const hostile = [
    'The zebra rule says <img src=x onerror="window.__xss=1"> must never run.',
    "The zebra rule link is [click me](javascript:window.__xss=1) for visitors.",
    "The zebra rule image is ![tracker](http://example.invalid/t.png) in the newsletter.",
  ].join("\n\n");
  const source = await uploadDocument(request, "hostile-notes.txt", new TextEncoder().encode(hostile));
  await page.goto("/");
  await ask(page, "What is the zebra rule?");
  await waitForAnswer(page);
  const answer = lastAnswer(page);
  // The sentences are quoted: the HTML shows as text and the javascript: link loses its target. (The
  // quote breaks the image's "![" apart at its "!"; the slow-model spec renders a whole remote image.)
  await expect(answer).toContainText(
    'The zebra rule says <img src=x onerror="window.__xss=1"> must never run',
  );
  await expect(answer).toContainText("The zebra rule link is click me for visitors");
  await expect(answer.getByRole("button", { name: /hostile-notes\.txt/ }).first()).toBeVisible();

  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  const remoteImages = await page
    .locator("img")
    .evaluateAll((images) =>
      images.map((image) => image.getAttribute("src") ?? "").filter((src) => /^(https?:)?\/\//.test(src)),
    );
  expect(remoteImages).toEqual([]);
  await expect(page.locator('[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator("[onerror]")).toHaveCount(0);
  await expect(answer.locator("img")).toHaveCount(0);

  expect((await request.delete(`/api/conversations/${await conversationIdOf(page)}`)).status()).toBe(204);
  expect((await request.delete(`/api/sources/${source.id}`)).status()).toBe(204);
});

test("copying an answer puts its text on the clipboard", async ({ page, context, request }) => {
  await uploadFixtures(request, ["handbook.pdf"]);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await ask(page, REFUND_QUESTION);
  await waitForAnswer(page);
  await lastAnswer(page).getByRole("button", { name: "Copy answer" }).click();
  await expect(lastAnswer(page).getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("Refunds are processed within 14 days");
  expect((await request.delete(`/api/conversations/${await conversationIdOf(page)}`)).status()).toBe(204);
});

test("a failed request shows its reason in place, and Try again asks again", async ({ page, request }) => {
  await uploadFixtures(request, ["handbook.pdf"]);
  await page.goto("/");
  // The connection drops for the first request.
  await page.context().setOffline(true);
  await ask(page, REFUND_QUESTION);
  const alert = page.getByRole("region", { name: "Messages" }).getByRole("alert");
  await expect(alert).toContainText("Something went wrong while answering. Please try again.");
  await page.context().setOffline(false);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(alert).toBeHidden();
  await expect(lastAnswer(page)).toContainText("Refunds are processed within 14 days");
  await expect(page.getByRole("article", { name: "Your question" })).toHaveCount(1);
  await waitForAnswer(page);
  const id = await conversationIdOf(page);

  // Someone deletes the conversation while it is open: regenerating answers 404 with a message.
  expect((await request.delete(`/api/conversations/${id}`)).status()).toBe(204);
  await lastAnswer(page).getByRole("button", { name: "Regenerate answer" }).click();
  await expect(alert).toContainText("This conversation does not exist (it may have been deleted).");
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the chat speaks the browser's language, and the language picker switches it", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh");
    await expect(page.getByRole("heading", { name: "与你的文档对话" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "你的问题" })).toBeVisible();
    await expect(page.getByRole("link", { name: "资料来源" })).toHaveAttribute("href", "/admin");

    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await expect(page.getByRole("heading", { name: "Chat with your documents" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByRole("link", { name: "Sources" })).toBeVisible();
  });
});
