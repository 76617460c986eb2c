import { expect, test } from "@playwright/test";

test("the home page shows the empty chat", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Docent/);
  await expect(page.getByRole("heading", { level: 1, name: "Docent" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Chat with your documents" })).toBeVisible();
  await expect(page.getByText("Offline extractive")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your question" })).toBeVisible();
});

test("health reports the embedded database as ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database).toEqual({ kind: "pglite", ok: true });
  expect(body.chatModel).toEqual({ provider: "offline", name: "offline/extractive" });
});
