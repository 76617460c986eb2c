import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { test } from "./admin-fixtures";
import { SLOW_LLM_APP_ADMIN_PASSWORD, SLOW_LLM_APP_URL } from "./servers";

// The second app server runs with ADMIN_PASSWORD; the default one is in single-user local mode.
test.describe("with an admin password", () => {
  test.use({ baseURL: SLOW_LLM_APP_URL });

  test("the admin pages ask for the password, and sign-in and sign-out work", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    await page.getByLabel("Admin password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That password" })).toHaveText(
      "That password is not right.",
    );

    await page.getByLabel("Admin password").fill(SLOW_LLM_APP_ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByText("Signed in as the admin.")).toBeVisible();
    await expect(page.getByText(/Single-user local mode/)).toHaveCount(0);
    const cookie = (await page.context().cookies()).find((entry) => entry.name === "docent-admin");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
  });

  test("admin API calls need a session or the bearer password", async ({ request }) => {
    const unknownSource = `/api/sources/${randomUUID()}`;
    const refused = await request.delete(unknownSource);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized:admin");
    expect((await request.get("/api/traces")).status()).toBe(401);
    // Past the check, the id simply names nothing.
    const allowed = await request.delete(unknownSource, {
      headers: { authorization: `Bearer ${SLOW_LLM_APP_ADMIN_PASSWORD}` },
    });
    expect(allowed.status()).toBe(404);
  });
});

test("without one, the admin page says it is in single-user local mode", async ({ page }) => {
  await page.goto("/admin");
  await expect(page.getByText(/Single-user local mode: no ADMIN_PASSWORD is set/)).toBeVisible();
});

test("pages carry a nonce Content-Security-Policy and refuse framing", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toBe(second.headers()["content-security-policy"]);
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await first.text()).match(/<script\b(?![^>]*\bnonce=)[^>]*>/g) ?? []).toEqual([]);
});

test("a state-changing request another site makes the browser send is refused", async ({ request }) => {
  const response = await request.post("/api/search", {
    headers: { "sec-fetch-site": "cross-site", origin: "https://elsewhere.example" },
    data: { query: "refunds" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden:cross_site");
});
