import { type APIRequestContext, expect, type JSHandle, type Locator, type Page } from "@playwright/test";
import { readFixture } from "../fixtures/read-fixture";

/** A file to build in the page: a fixture's bytes, or `size` bytes of text made there (no transfer). */
export type PageFile = { name: string; fixture: string } | { name: string; size: number };

export const fixtureFile = (name: string): PageFile => ({ name, fixture: name });

/** A DataTransfer holding real File objects, as the browser hands a drop of files from the desktop. */
export async function filesInPage(page: Page, files: PageFile[]): Promise<JSHandle<DataTransfer>> {
  const specs = files.map((file): { name: string; base64: string } | { name: string; size: number } =>
    "fixture" in file
      ? { name: file.name, base64: Buffer.from(readFixture(file.fixture)).toString("base64") }
      : { name: file.name, size: file.size },
  );
  return page.evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const spec of specs) {
      const bytes =
        "base64" in spec
          ? Uint8Array.from(atob(spec.base64), (char) => char.charCodeAt(0))
          : new Uint8Array(spec.size).fill(0x61);
      transfer.items.add(new File([bytes], spec.name));
    }
    return transfer;
  }, specs);
}

export const dropOverlay = (page: Page) => page.getByText("Drop files to upload them");

/** Drags files over the page (dragenter, dragover), checks the overlay is up, then drops them. */
export async function dropFiles(page: Page, files: PageFile[]): Promise<void> {
  const dataTransfer = await filesInPage(page, files);
  await page.dispatchEvent("body", "dragenter", { dataTransfer });
  await page.dispatchEvent("body", "dragover", { dataTransfer });
  await expect(dropOverlay(page)).toBeVisible();
  await page.dispatchEvent("body", "drop", { dataTransfer });
  await expect(dropOverlay(page)).toBeHidden();
}

/** The upload list's entry for a file. */
export const uploadItem = (page: Page, name: string): Locator =>
  page
    .getByRole("region", { name: "Uploads" })
    .getByRole("listitem")
    .filter({ has: page.getByText(name, { exact: true }) });

interface ListedSource {
  id: string;
  name: string;
  status: string;
}

export async function listSources(request: APIRequestContext): Promise<ListedSource[]> {
  const response = await request.get("/api/sources");
  expect(response.status()).toBe(200);
  return (await response.json()).sources;
}

/**
 * Deletes every source with one of these names: before a test, so its files are ingested for real
 * instead of matching a source an earlier spec stored; after it, so later specs find what they expect.
 */
export async function deleteSourcesNamed(request: APIRequestContext, names: string[]): Promise<void> {
  for (const source of await listSources(request)) {
    if (names.includes(source.name)) {
      expect((await request.delete(`/api/sources/${source.id}`)).status()).toBe(204);
    }
  }
}

/**
 * Holds every POST /api/sources the page makes until `release()`, then passes it on to the real server,
 * so a test can see an upload in flight however fast the machine is.
 */
export async function holdUploads(page: Page): Promise<{ release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/sources", async (route) => {
    if (route.request().method() === "POST") await released;
    await route.continue();
  });
  return { release };
}
