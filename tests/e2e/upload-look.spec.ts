import { expect, type Page } from "@playwright/test";
import { seriousViolations, VIEWPORTS } from "./accessibility";
import { test } from "./admin-fixtures";
import {
  deleteSourcesNamed,
  dropFiles,
  dropOverlay,
  filesInPage,
  fixtureFile,
  uploadItem,
} from "./upload-helpers";

const SCHEMES = ["light", "dark"] as const;

const GUIDE = "field-guide.md";

/** A long Markdown guide, new on every run so it is really indexed (no duplicate, no cached vectors). */
function fieldGuide(): Buffer {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const sections = Array.from(
    { length: 160 },
    (_, index) =>
      `## Station ${index + 1}\n\nStation ${index + 1} of survey ${run} records the river depth, the water temperature and the birds seen at dawn. ` +
      "The crew notes the weather, the condition of the path and anything that changed since the last visit, so the next crew knows what to expect.\n",
  );
  return Buffer.from(`# Field guide\n\n${sections.join("\n")}`);
}

/**
 * Lets the page's polls of the guide through to the server until one answers that it is mid-way
 * through indexing, then holds the next ones until `release()`: its entry stays mid-way for as long
 * as the test looks at it, and the server still does all the work. Other sources' polls pass freely.
 */
async function holdIngestMidway(page: Page) {
  let heldId: string | null = null;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/api\/sources\/[0-9a-f-]{36}$/, async (route) => {
    if (heldId && route.request().url().endsWith(heldId)) await released;
    const response = await route.fetch();
    const { source } = await response.json();
    if (
      source?.name === GUIDE &&
      source.status === "processing" &&
      source.progress > 0.05 &&
      source.progress < 0.95
    ) {
      heldId = source.id;
    }
    await route.fulfill({ response });
  });
  return { release };
}

test("screenshots and an accessibility check of uploads mid-way, and of the drop overlay", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const names = [GUIDE, "onboarding.md", "scanned.pdf"];
  await deleteSourcesNamed(request, names);
  await page.goto("/");
  const ingest = await holdIngestMidway(page);

  // One file ready, one refused, one failed while indexing, and the long one mid-way.
  await dropFiles(page, [
    fixtureFile("onboarding.md"),
    fixtureFile("program.pdf"),
    fixtureFile("scanned.pdf"),
  ]);
  await expect(uploadItem(page, "onboarding.md")).toContainText("Ready", { timeout: 60_000 });
  await expect(uploadItem(page, "program.pdf")).toContainText("Failed");
  await expect(uploadItem(page, "scanned.pdf")).toContainText("no text layer", { timeout: 60_000 });
  await page
    .getByLabel("Upload files")
    .setInputFiles({ name: GUIDE, mimeType: "text/markdown", buffer: fieldGuide() });
  const bar = uploadItem(page, GUIDE).getByRole("progressbar", { name: `Indexing ${GUIDE}` });
  await expect(bar).toHaveAttribute("aria-valuenow", /^([1-9]|[1-9]\d)$/, { timeout: 90_000 });
  await expect(uploadItem(page, GUIDE)).toContainText(/Processing · (Embedding|Storing) · \d+%/);

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of SCHEMES) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.screenshot({
        path: `tests/e2e/screenshots/upload-list-${device}-${colorScheme}.png`,
        fullPage: true,
      });
      expect(await seriousViolations(page)).toEqual([]);

      const dataTransfer = await filesInPage(page, [fixtureFile("policies.docx")]);
      await page.dispatchEvent("body", "dragenter", { dataTransfer });
      await expect(dropOverlay(page)).toBeVisible();
      await page.screenshot({ path: `tests/e2e/screenshots/upload-overlay-${device}-${colorScheme}.png` });
      expect(await seriousViolations(page)).toEqual([]);
      await page.dispatchEvent("body", "dragleave", { dataTransfer });
      await expect(dropOverlay(page)).toBeHidden();
    }
  }

  // The narrowest phone the layout is made for: nothing sticks out sideways.
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  ingest.release();
  await expect(uploadItem(page, GUIDE)).toContainText("Ready", { timeout: 90_000 });
  await deleteSourcesNamed(request, names);
});
