import { expect } from "@playwright/test";
import { readFixture } from "../fixtures/read-fixture";
import { test } from "./admin-fixtures";
import {
  deleteSourcesNamed,
  dropFiles,
  dropOverlay,
  filesInPage,
  fixtureFile,
  holdUploads,
  listSources,
  uploadItem,
} from "./upload-helpers";

// Over the default MAX_UPLOAD_MB of 50.
const OVER_LIMIT_BYTES = 51 * 1024 * 1024;

test("files dropped on the page upload side by side, each with its own progress, until ready", async ({
  page,
  request,
}) => {
  const names = ["handbook.pdf", "policies.docx"];
  await deleteSourcesNamed(request, names);
  const uploads = await holdUploads(page);
  await page.goto("/");

  await dropFiles(page, names.map(fixtureFile));
  for (const name of names) {
    const bar = uploadItem(page, name).getByRole("progressbar", { name: `Uploading ${name}` });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute("aria-valuenow", /^\d+$/);
    await expect(uploadItem(page, name)).toContainText("Uploading");
  }
  uploads.release();
  for (const name of names) {
    await expect(uploadItem(page, name)).toContainText("Ready", { timeout: 60_000 });
    await expect(uploadItem(page, name).getByRole("progressbar")).toHaveCount(0);
  }
  await expect(page.getByRole("status").filter({ hasText: /is ready\.$/ })).toBeAttached();

  const stored = (await listSources(request)).filter((source) => names.includes(source.name));
  expect(stored.map((source) => source.name).sort()).toEqual(names);
  expect(stored.every((source) => source.status === "ready")).toBe(true);

  await uploadItem(page, "handbook.pdf").getByRole("button", { name: "Dismiss handbook.pdf" }).click();
  await expect(uploadItem(page, "handbook.pdf")).toHaveCount(0);
  await expect(uploadItem(page, "policies.docx")).toBeVisible();
  await deleteSourcesNamed(request, names);
});

test("the overlay stays up while a drag crosses the page's elements, and leaves with the drag", async ({
  page,
}) => {
  await page.goto("/");
  const dataTransfer = await filesInPage(page, [fixtureFile("onboarding.md")]);
  await page.dispatchEvent("body", "dragenter", { dataTransfer });
  // Entering a child before leaving its parent, as a real drag does.
  await page.dispatchEvent("h2", "dragenter", { dataTransfer });
  await page.dispatchEvent("body", "dragleave", { dataTransfer });
  await expect(dropOverlay(page)).toBeVisible();
  await page.dispatchEvent("h2", "dragleave", { dataTransfer });
  await expect(dropOverlay(page)).toBeHidden();

  // Dragging text is not an upload.
  const text = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", "just words");
    return transfer;
  });
  await page.dispatchEvent("body", "dragenter", { dataTransfer: text });
  await expect(dropOverlay(page)).toBeHidden();
  await expect(page.getByRole("region", { name: "Uploads" })).toHaveCount(0);
});

test("a refused file shows the server's reason next to it, and nothing is stored for it", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await dropFiles(page, [
    // An ELF executable named like a PDF: the server goes by the bytes.
    fixtureFile("program.pdf"),
    { name: "huge.txt", size: OVER_LIMIT_BYTES },
  ]);

  const program = uploadItem(page, "program.pdf");
  await expect(program).toContainText("Failed");
  await expect(program).toContainText(
    '"program.pdf" is not a supported document. Upload PDF, Word (.docx), Markdown, HTML, text or CSV files.',
  );
  const huge = uploadItem(page, "huge.txt");
  await expect(huge).toContainText("Failed", { timeout: 30_000 });
  await expect(huge).toContainText('"huge.txt" is 51 MB; the largest file accepted is 50 MB.');
  // The same file would be refused again, so there is nothing to retry.
  await expect(huge.getByRole("button", { name: "Retry huge.txt" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "failed:" })).toBeAttached();

  const names = (await listSources(request)).map((source) => source.name);
  expect(names).not.toContain("program.pdf");
  expect(names).not.toContain("huge.txt");

  await program.getByRole("button", { name: "Dismiss program.pdf" }).click();
  await expect(program).toHaveCount(0);
});

test("a document that cannot be read fails with its reason, and Retry indexes it again", async ({
  page,
  request,
}) => {
  await deleteSourcesNamed(request, ["scanned.pdf"]);
  await page.goto("/");
  await dropFiles(page, [fixtureFile("scanned.pdf")]);

  const item = uploadItem(page, "scanned.pdf");
  await expect(item).toContainText("Failed", { timeout: 60_000 });
  const [source] = (await listSources(request)).filter((stored) => stored.name === "scanned.pdf");
  const { error } = (await (await request.get(`/api/sources/${source?.id}`)).json()).source;
  expect(error).toMatch(/text/i);
  await expect(item).toContainText(error);

  const again = page.waitForResponse(
    (response) => response.url().endsWith("/api/sources") && response.request().method() === "POST",
  );
  await item.getByRole("button", { name: "Retry scanned.pdf" }).click();
  expect((await again).status()).toBe(202);
  await expect(item).toContainText("Failed", { timeout: 60_000 });
  await expect(item).toContainText(error);
  await deleteSourcesNamed(request, ["scanned.pdf"]);
});

test("an upload the network cut off says so, and Retry sends it again", async ({ page, request }) => {
  const name = "notes-utf16.txt";
  await deleteSourcesNamed(request, [name]);
  await page.goto("/");
  await page.route("**/api/sources", (route) => route.abort("connectionreset"));
  await dropFiles(page, [fixtureFile(name)]);

  const item = uploadItem(page, name);
  await expect(item).toContainText("The upload did not reach the server.");
  await page.unroute("**/api/sources");
  await item.getByRole("button", { name: `Retry ${name}` }).click();
  await expect(item).toContainText("Ready", { timeout: 60_000 });
  await expect(item).not.toContainText("did not reach");
  expect((await listSources(request)).map((source) => source.name)).toContain(name);
  await deleteSourcesNamed(request, [name]);
});

test("files picked with the button upload too, and the button is reached by keyboard", async ({
  page,
  request,
}) => {
  const names = ["faq.html", "offices.csv"];
  await deleteSourcesNamed(request, names);
  await page.goto("/");

  const picker = page.getByLabel("Upload files");
  await expect(picker).toHaveAttribute("accept", ".pdf,.docx,.md,.markdown,.html,.htm,.txt,.csv");
  // Reached by Tab from the top of the page, within the header's few controls.
  for (
    let presses = 0;
    presses < 10 && !(await picker.evaluate((input) => input === document.activeElement));
    presses += 1
  ) {
    await page.keyboard.press("Tab");
  }
  await expect(picker).toBeFocused();
  const outline = await page
    .locator("label", { hasText: "Upload files" })
    .evaluate((label) => getComputedStyle(label).outlineStyle);
  expect(outline).not.toBe("none");

  await picker.setInputFiles(
    names.map((name) => ({ name, mimeType: "", buffer: Buffer.from(readFixture(name)) })),
  );
  for (const name of names) await expect(uploadItem(page, name)).toContainText("Ready", { timeout: 60_000 });
  const stored = (await listSources(request)).filter((source) => names.includes(source.name));
  expect(stored).toHaveLength(2);
  await deleteSourcesNamed(request, names);
});

test("an upload keeps going while the user moves to the admin and back", async ({ page, request }) => {
  const name = "handbook-zh.txt";
  await deleteSourcesNamed(request, [name]);
  // Start where a client-side link leads to the chat and history leads back to the admin.
  await page.goto("/admin");
  await page.getByRole("link", { name: "Back to chat" }).click();
  await expect(page).toHaveURL("/");
  await page.evaluate(() => {
    (window as { sameDocument?: boolean }).sameDocument = true;
  });
  const uploads = await holdUploads(page);

  await page.getByLabel("Upload files").setInputFiles({
    name,
    mimeType: "text/plain",
    buffer: Buffer.from(readFixture(name)),
  });
  await expect(uploadItem(page, name).getByRole("progressbar", { name: `Uploading ${name}` })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  const answered = page.waitForResponse(
    (response) => response.url().endsWith("/api/sources") && response.request().method() === "POST",
  );
  uploads.release();
  expect((await answered).status()).toBe(202);

  await page.getByRole("link", { name: "Back to chat" }).click();
  await expect(page).toHaveURL("/");
  await expect(uploadItem(page, name)).toContainText("Ready", { timeout: 60_000 });
  // Neither move reloaded the page: the uploads lived on in the same document.
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect((await listSources(request)).map((source) => source.name)).toContain(name);
  await deleteSourcesNamed(request, [name]);
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the upload controls speak the browser's language", async ({ page, request }) => {
    await deleteSourcesNamed(request, ["onboarding.md"]);
    await page.goto("/");
    await page.getByLabel("上传文件").setInputFiles({
      name: "onboarding.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(readFixture("onboarding.md")),
    });
    const item = page.getByRole("region", { name: "上传" }).getByRole("listitem");
    await expect(item).toContainText("就绪", { timeout: 60_000 });
    await expect(page.getByRole("region", { name: "上传" })).toHaveAttribute("lang", "zh");
    await deleteSourcesNamed(request, ["onboarding.md"]);

    const dataTransfer = await filesInPage(page, [fixtureFile("onboarding.md")]);
    await page.dispatchEvent("body", "dragenter", { dataTransfer });
    await expect(page.getByText("松开鼠标即可上传文件")).toBeVisible();
    await page.dispatchEvent("body", "dragleave", { dataTransfer });
    await expect(page.getByText("松开鼠标即可上传文件")).toBeHidden();
  });
});
