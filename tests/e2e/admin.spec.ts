import { expect, type Page } from "@playwright/test";
import {
  askQuestion,
  listSourceIds,
  test,
  uploadDocument,
  uploadFixtures,
  waitUntilReady,
} from "./admin-fixtures";

/** The table row of a source, found by the name in its row header. */
const sourceRow = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** The names in the table, top to bottom, keeping only the given ones (other specs add sources too). */
async function namesInTable(page: Page, only: string[]): Promise<string[]> {
  const names = await page.getByRole("table").getByRole("rowheader").allInnerTexts();
  return names.map((name) => name.trim()).filter((name) => only.includes(name));
}

test("admin lists the sources with their chunk counts, sizes and totals", async ({ page, request }) => {
  const stored = await uploadFixtures(request, ["handbook.pdf", "faq.html", "onboarding.md"]);
  await page.goto("/admin");

  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to chat" })).toHaveAttribute("href", "/");
  for (const source of Object.values(stored)) {
    expect(source.chunkCount).toBeGreaterThan(0);
    const row = sourceRow(page, source.name);
    await expect(row.getByRole("cell").nth(2)).toHaveText(String(source.chunkCount));
    await expect(row).toContainText("Ready");
    await expect(row.getByRole("link", { name: `Download ${source.name}` })).toHaveAttribute(
      "href",
      `/api/sources/${source.id}/file`,
    );
  }
  await expect(sourceRow(page, "handbook.pdf")).toContainText("PDF");
  await expect(sourceRow(page, "handbook.pdf")).toContainText(/\d(\.\d)? kB/);

  const { totals } = await (await request.get("/api/stats")).json();
  const { sources } = await (await request.get("/api/sources")).json();
  expect(totals.sources).toBe(sources.length);
  expect(totals.chunks).toBe(
    sources.reduce((sum: number, s: { chunkCount: number }) => sum + s.chunkCount, 0),
  );
  const totalsRegion = page.getByRole("region", { name: "Totals" });
  await expect(totalsRegion.getByRole("definition").nth(0)).toHaveText(String(totals.sources));
  await expect(totalsRegion.getByRole("definition").nth(1)).toHaveText(String(totals.chunks));
  await expect(totalsRegion.getByRole("definition").nth(2)).toHaveText(/kB|MB/);
});

test("the sources table filters by name and status and sorts by name, size, chunks and date", async ({
  page,
  request,
}) => {
  const stored = await uploadFixtures(request, ["handbook.pdf", "faq.html", "onboarding.md"]);
  const mine = Object.keys(stored);
  await page.goto("/admin");
  const nameFilter = page.getByRole("searchbox", { name: "Filter by name" });
  const statusFilter = page.getByRole("combobox", { name: "Status" });
  const sortBy = page.getByRole("combobox", { name: "Sort by" });

  await nameFilter.fill("HANDBOOK");
  await expect(sourceRow(page, "handbook.pdf")).toBeVisible();
  await expect(sourceRow(page, "faq.html")).toHaveCount(0);
  await expect(sourceRow(page, "onboarding.md")).toHaveCount(0);

  await statusFilter.selectOption({ label: "Failed" });
  await expect(page.getByText("No sources match the filter.")).toBeVisible();
  await statusFilter.selectOption({ label: "Ready" });
  await expect(sourceRow(page, "handbook.pdf")).toBeVisible();
  await nameFilter.fill("");
  await statusFilter.selectOption({ label: "All statuses" });
  await expect(sourceRow(page, "faq.html")).toBeVisible();

  const by = (key: "sizeBytes" | "chunkCount", direction: 1 | -1) =>
    Object.values(stored)
      .sort((a, b) => direction * (a[key] - b[key]))
      .map((source) => source.name);

  await sortBy.selectOption({ label: "Name, A to Z" });
  await expect.poll(() => namesInTable(page, mine)).toEqual(["faq.html", "handbook.pdf", "onboarding.md"]);
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
  await sortBy.selectOption({ label: "Name, Z to A" });
  await expect.poll(() => namesInTable(page, mine)).toEqual(["onboarding.md", "handbook.pdf", "faq.html"]);
  await sortBy.selectOption({ label: "Largest first" });
  await expect.poll(() => namesInTable(page, mine)).toEqual(by("sizeBytes", -1));
  await expect(page.getByRole("columnheader", { name: "Size" })).toHaveAttribute("aria-sort", "descending");
  await sortBy.selectOption({ label: "Fewest chunks first" });
  await expect.poll(() => namesInTable(page, mine)).toEqual(by("chunkCount", 1));
  await sortBy.selectOption({ label: "Oldest first" });
  // Uploaded one after another, so oldest first is upload order.
  await expect.poll(() => namesInTable(page, mine)).toEqual(["handbook.pdf", "faq.html", "onboarding.md"]);
});

test("a source's page lists its chunks with page and heading path", async ({ page, request }) => {
  const { "handbook.pdf": handbook, "onboarding.md": onboarding } = await uploadFixtures(request, [
    "handbook.pdf",
    "onboarding.md",
  ]);
  await page.goto("/admin");
  await sourceRow(page, "handbook.pdf").getByRole("link", { name: "handbook.pdf", exact: true }).click();

  await expect(page).toHaveURL(`/admin/sources/${handbook?.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "handbook.pdf" })).toBeVisible();
  const { chunks } = await (await request.get(`/api/sources/${handbook?.id}/chunks?limit=20`)).json();
  const articles = page.getByRole("article");
  await expect(articles).toHaveCount(chunks.length);
  await expect(articles.first()).toContainText("Chunk 1");
  await expect(articles.first()).toContainText(`Page ${chunks[0].page}`);
  await expect(articles.first()).toContainText(chunks[0].content.trim().slice(0, 60));

  await page.goto(`/admin/sources/${onboarding?.id}`);
  const markdown = (await (await request.get(`/api/sources/${onboarding?.id}/chunks`)).json()).chunks;
  const withHeadings = markdown.findIndex((chunk: { headingPath: string[] }) => chunk.headingPath.length > 1);
  expect(withHeadings).toBeGreaterThanOrEqual(0);
  await expect(articles.nth(withHeadings)).toContainText(markdown[withHeadings].headingPath.join(" › "));

  await page.getByRole("link", { name: "Back to sources" }).click();
  await expect(page).toHaveURL("/admin");
});

test("a long source's chunks page through twenty at a time", async ({ page, request }) => {
  // Every heading opens a chunk of its own, so 45 short sections make 45 chunks: three pages.
  const sections = Array.from(
    { length: 45 },
    (_, index) => `## Topic ${index + 1}\n\nThe rule for topic ${index + 1} is written down here.\n`,
  );
  const glossary = await uploadDocument(
    request,
    "glossary.md",
    new TextEncoder().encode(`# Glossary\n\n${sections.join("\n")}`),
  );
  expect(glossary.chunkCount).toBe(45);

  await page.goto(`/admin/sources/${glossary.id}`);
  const pages = page.getByRole("navigation", { name: "Chunk pages" });
  await expect(pages).toContainText("Page 1 of 3");
  await expect(page.getByText("Chunks 1–20 of 45")).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(20);

  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(`/admin/sources/${glossary.id}?page=2`);
  await expect(page.getByRole("article").first()).toContainText("Chunk 21");
  await expect(page.getByRole("article").first()).toContainText("Glossary › Topic 21");

  await page.goto(`/admin/sources/${glossary.id}?page=3`);
  await expect(page.getByRole("article")).toHaveCount(5);
  await expect(pages.getByRole("link", { name: "Next" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(`/admin/sources/${glossary.id}?page=2`);
  // Its many look-alike chunks would only get in the way of the answers other specs expect.
  expect((await request.delete(`/api/sources/${glossary.id}`)).status()).toBe(204);
});

test("deleting a source asks first, then removes it from the table, the API and search", async ({
  page,
  request,
}) => {
  const { "offices.csv": offices } = await uploadFixtures(request, ["offices.csv"]);
  const id = offices?.id as string;
  const query = "Which city opened an office with 24 employees: Amsterdam, Athens or Berlin?";
  const before = (await (await request.post("/api/search", { data: { query, k: 50 } })).json()).results;
  expect(before.some((result: { sourceId: string }) => result.sourceId === id)).toBe(true);

  await page.goto("/admin");
  const deleteButton = sourceRow(page, "offices.csv").getByRole("button", { name: "Delete offices.csv" });
  await deleteButton.click();
  const dialog = page.getByRole("dialog", { name: "Delete offices.csv?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(sourceRow(page, "offices.csv")).toBeVisible();

  await deleteButton.click();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(sourceRow(page, "offices.csv")).toHaveCount(0);
  await expect(page.getByText("Deleted offices.csv.")).toBeVisible();
  // Focus leaves the removed row for the table's heading, not the top of the page.
  await expect(page.getByRole("heading", { level: 2, name: "Sources" })).toBeFocused();

  expect(await listSourceIds(request)).not.toContain(id);
  expect((await request.get(`/api/sources/${id}`)).status()).toBe(404);
  const after = (await (await request.post("/api/search", { data: { query, k: 50 } })).json()).results;
  expect(after.length).toBeGreaterThan(0);
  expect(after.filter((result: { sourceId: string }) => result.sourceId === id)).toEqual([]);
});

test("a delete or re-index the server refuses shows its message in place", async ({ page, request }) => {
  const { "offices.csv": offices } = await uploadFixtures(request, ["offices.csv"]);
  await page.goto("/admin");
  await expect(sourceRow(page, "offices.csv")).toBeVisible();
  // Someone else deletes it while the page is open.
  expect((await request.delete(`/api/sources/${offices?.id}`)).status()).toBe(204);

  await sourceRow(page, "offices.csv").getByRole("button", { name: "Re-index offices.csv" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This source does not exist" })).toBeVisible();

  await sourceRow(page, "offices.csv").getByRole("button", { name: "Delete offices.csv" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete offices.csv?" });
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "This source does not exist (it may have been deleted).",
  );
  await expect(dialog).toBeVisible();
});

test("re-indexing moves a source through ingest back to ready, with new chunks", async ({
  page,
  request,
}) => {
  const { "onboarding.md": onboarding } = await uploadFixtures(request, ["onboarding.md"]);
  const id = onboarding?.id as string;
  const chunkIds = async () =>
    ((await (await request.get(`/api/sources/${id}/chunks`)).json()).chunks as { id: string }[]).map(
      (chunk) => chunk.id,
    );
  const before = await chunkIds();

  await page.goto("/admin");
  const row = sourceRow(page, "onboarding.md");
  await expect(row).toContainText("Ready");
  const requeued = page.waitForResponse((answer) => answer.url().endsWith(`/api/sources/${id}/reindex`));
  await row.getByRole("button", { name: "Re-index onboarding.md" }).click();
  const response = await requeued;
  expect(response.status()).toBe(202);
  expect((await response.json()).source.status).toBe("queued");
  await expect(row).toContainText(/Queued|Processing/);
  await expect(page.getByText("onboarding.md is queued to be indexed again.")).toBeVisible();

  await expect(row).toContainText("Ready", { timeout: 60_000 });
  await expect(row.getByRole("progressbar")).toHaveCount(0);
  await waitUntilReady(request, id);
  const after = await chunkIds();
  expect(after).toHaveLength(before.length);
  expect(after.filter((chunkId) => before.includes(chunkId))).toEqual([]);
});

test("the recent questions show a question asked in chat, and open onto its retrieved chunks", async ({
  page,
  request,
}) => {
  await uploadFixtures(request, ["handbook.pdf", "faq.html"]);
  const question = "How long do refunds take to be processed?";
  const stream = await askQuestion(request, question);
  expect(stream).toContain('"type":"finish"');
  const [trace] = (await (await request.get("/api/traces?limit=1")).json()).traces;
  expect(trace.query).toBe(question);
  const hits = trace.retrieved.filter((hit: { chunk: unknown }) => hit.chunk);
  expect(hits.length).toBeGreaterThan(0);

  await page.goto("/admin");
  const traces = page.getByRole("region", { name: "Recent questions" });
  const item = traces.getByRole("group").filter({ hasText: question }).first();
  const summary = item.getByText(question);
  await expect(summary).toBeVisible();
  await expect(item).toContainText("offline/extractive");
  await expect(item).toContainText(`Sources used: ${hits[0].chunk.sourceName}`);
  const retrieved = item.getByRole("listitem");
  await expect(retrieved.first()).toBeHidden();

  await summary.click();
  await expect(item.getByRole("heading", { name: "Retrieved chunks" })).toBeVisible();
  await expect(retrieved).toHaveCount(trace.retrieved.length);
  await expect(retrieved.first()).toContainText(hits[0].chunk.sourceName);
  await expect(retrieved.first()).toContainText(/Score \d/);
  await expect(retrieved.first()).toContainText(hits[0].chunk.preview.replace(/…$/, "").slice(0, 80));
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the admin speaks the browser's language, and the user's pick over it", async ({ page, request }) => {
    await uploadFixtures(request, ["handbook.pdf"]);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "管理" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回对话" })).toBeVisible();
    await expect(sourceRow(page, "handbook.pdf")).toContainText("就绪");
    await expect(page.getByRole("button", { name: "删除 handbook.pdf" })).toBeVisible();
    await expect(page.locator("[lang=zh]").first()).toBeVisible();

    await page.context().addCookies([{ name: "docent-locale", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  });
});
