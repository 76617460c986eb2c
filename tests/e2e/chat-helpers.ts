import { expect, type Page } from "@playwright/test";

/** The last answer on the page. */
export const lastAnswer = (page: Page) => page.getByRole("article", { name: "Answer" }).last();

/** Types a question into the composer and sends it with Enter, as a reader does. */
export async function ask(page: Page, question: string): Promise<void> {
  const composer = page.getByRole("textbox", { name: "Your question" });
  await composer.fill(question);
  await composer.press("Enter");
  await expect(page.getByRole("article", { name: "Your question" }).last()).toHaveText(question);
}

/** The conversation id in the page's URL, once the page has moved to /chat/[id]. */
export async function conversationIdOf(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").at(-1) as string;
}

/** Waits until the answer has finished: its actions (copy) appear only then. The slow model takes ~6 s. */
export async function waitForAnswer(page: Page): Promise<void> {
  await expect(lastAnswer(page).getByRole("button", { name: "Copy answer" })).toBeVisible({
    timeout: 20_000,
  });
}
