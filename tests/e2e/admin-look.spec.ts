import { expect, type Page } from "@playwright/test";
import { readFixture } from "../fixtures/read-fixture";
import { seriousViolations, tabThroughPage, VIEWPORTS } from "./accessibility";
import { askQuestion, test, uploadFixtures, waitUntilSettled } from "./admin-fixtures";

/** A library with something in every state the admin shows: ready, failed, and an answered question. */
async function stockLibrary(page: Page) {
  const stored = await uploadFixtures(page.request, ["handbook.pdf", "faq.html", "onboarding.md"]);
  const upload = await page.request.post("/api/sources", {
    multipart: {
      files: {
        name: "corrupt.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from(readFixture("corrupt.pdf")),
      },
    },
  });
  expect(upload.status()).toBe(202);
  await waitUntilSettled(page.request, (await upload.json()).sources[0].id, "failed");
  await askQuestion(page.request, "How long do refunds take to be processed?");
  return stored;
}

test("screenshots of the admin page on desktop and phone, light and dark", async ({ page }) => {
  await stockLibrary(page);
  // A tablet too: between the phone's cards and the desktop's table is where a layout breaks first.
  const viewports = { ...VIEWPORTS, tablet: { width: 1024, height: 768 } };
  for (const [device, viewport] of Object.entries(viewports)) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto("/admin");
      await expect(page.getByRole("row").filter({ hasText: "corrupt.pdf" })).toContainText("Failed");
      const trace = page.getByRole("region", { name: "Recent questions" }).getByRole("group").first();
      await trace.getByText("How long do refunds take to be processed?").click();
      await expect(trace.getByRole("heading", { name: "Retrieved chunks" })).toBeVisible();
      await page.screenshot({
        path: `tests/e2e/screenshots/admin-${device}-${colorScheme}.png`,
        fullPage: true,
      });
    }
  }
});

test("screenshots of a source page on desktop and phone", async ({ page }) => {
  const { "onboarding.md": onboarding } = await stockLibrary(page);
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.goto(`/admin/sources/${onboarding?.id}`);
    await expect(page.getByRole("article").first()).toBeVisible();
    await page.screenshot({ path: `tests/e2e/screenshots/admin-source-${device}.png`, fullPage: true });
  }
});

test("the admin page and a source page have no serious accessibility violations", async ({ page }) => {
  const { "handbook.pdf": handbook } = await stockLibrary(page);
  for (const viewport of Object.values(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/admin");
      await expect(page.getByRole("heading", { name: "Sources", level: 2 })).toBeVisible();
      await page
        .getByRole("region", { name: "Recent questions" })
        .getByRole("group")
        .first()
        .locator("summary")
        .click();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "Delete handbook.pdf" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");

      await page.goto(`/admin/sources/${handbook?.id}`);
      await expect(page.getByRole("article").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }
  }
});

test("every control of the admin page is reached by keyboard, with a visible focus ring", async ({
  page,
}) => {
  await stockLibrary(page);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Sources", level: 2 })).toBeVisible();
  const reached = await tabThroughPage(page, 60);
  for (const name of [
    "Back to chat",
    "Download handbook.pdf",
    "Re-index handbook.pdf",
    "Delete handbook.pdf",
  ]) {
    expect(
      reached.some((label) => label.includes(name)),
      name,
    ).toBe(true);
  }
});
