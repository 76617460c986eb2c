import { expect, type Page } from "@playwright/test";
import { seriousViolations, tabThroughPage, VIEWPORTS } from "./accessibility";
import { test, uploadFixtures } from "./admin-fixtures";
import { ask, conversationIdOf, lastAnswer, waitForAnswer } from "./chat-helpers";

/** Asks the refund question on a fresh page and opens the answer's first citation. */
async function answerWithPanelOpen(page: Page) {
  await page.goto("/");
  await ask(page, "How long do refunds take to be processed?");
  await waitForAnswer(page);
  await lastAnswer(page)
    .getByRole("button", { name: /^Source \d+:/ })
    .first()
    .click();
  const panel = page.getByRole("complementary", { name: /^Source \d+$/ }).or(page.getByRole("dialog"));
  await expect(panel).toBeVisible();
  return conversationIdOf(page);
}

test("screenshots of the chat with a cited answer and its source open, on desktop and phone, light and dark", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf", "faq.html"]);
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const id = await answerWithPanelOpen(page);
      await page.screenshot({ path: `tests/e2e/screenshots/chat-${device}-${colorScheme}.png` });
      await page.keyboard.press("Escape");
      if (device === "phone") {
        await page.getByRole("button", { name: "Show conversations" }).click();
        await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
        await page.screenshot({ path: `tests/e2e/screenshots/chat-phone-sidebar-${colorScheme}.png` });
        await page.keyboard.press("Escape");
        await expect(page.getByRole("navigation", { name: "Conversations" })).toBeHidden();
      }
      expect((await request.delete(`/api/conversations/${id}`)).status()).toBe(204);
    }
  }
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Chat with your documents" })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/chat-empty-desktop-light.png" });
});

test("the chat has no serious accessibility violations: empty, answered, and with a source open", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf"]);
  for (const viewport of Object.values(VIEWPORTS)) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      await expect(page.getByRole("heading", { name: "Chat with your documents" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const id = await answerWithPanelOpen(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: /^Sources: / }).click();
      await expect(page.getByRole("checkbox", { name: "All sources" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      expect((await request.delete(`/api/conversations/${id}`)).status()).toBe(204);
    }
  }
});

test("the chat's controls are reached by keyboard, each with a visible focus ring", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf"]);
  await page.goto("/");
  await ask(page, "How long do refunds take to be processed?");
  await waitForAnswer(page);
  await page.locator("body").focus();
  const reached = await tabThroughPage(page, 30);
  for (const name of ["New conversation", "Sources", "Copy answer", "Regenerate answer", "Sources: all"]) {
    expect(
      reached.some((label) => label.includes(name)),
      `${name} in ${reached.join(" | ")}`,
    ).toBe(true);
  }
  expect(reached.some((label) => /^Source \d+: handbook\.pdf/.test(label))).toBe(true);
  expect((await request.delete(`/api/conversations/${await conversationIdOf(page)}`)).status()).toBe(204);
});
