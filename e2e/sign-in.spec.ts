import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_ADMIN_PASSWORD } from "../playwright.config";

test.describe("sign-in", () => {
  test("pages redirect to sign-in until the admin signs in, and sign-out ends the session", async ({ page }) => {
    await page.goto("/clusters");
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "invalid" })).toContainText("invalid username or password");

    await page.getByLabel("Password").fill(E2E_ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Overview", exact: true, level: 1 })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/overview.png" });

    for (const section of ["Clusters", "Resources", "Policies", "Workflow"]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: section }).click();
      // The page title (h1), not a card heading that merely contains the word ("Sandbox clusters").
      await expect(page.getByRole("heading", { name: section, exact: true, level: 1 })).toBeVisible();
    }

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the APIs answer 401 Status without credentials", async ({ request }) => {
    const r = await request.get("/api/v1/auth/session");
    expect(r.status()).toBe(401);
    expect(await r.json()).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    const k = await request.get("/k8s/api/v1/namespaces");
    expect(k.status()).toBe(401);
    expect((await request.get("/healthz")).status()).toBe(200);
    expect((await request.get("/readyz")).status()).toBe(200);
    expect((await request.get("/metrics")).status()).toBe(401);
  });

  test("the admin token from the data dir opens the APIs and /metrics", async ({ request }) => {
    const token = readFileSync(path.join(process.env.E2E_DATA_DIR!, "admin-token"), "utf8").trim();
    const headers = { Authorization: `Bearer ${token}` };
    const ns = await request.get("/k8s/api/v1/namespaces/default", { headers });
    expect(ns.status()).toBe(200);
    expect(await ns.json()).toMatchObject({ kind: "Namespace", metadata: { name: "default" } });
    const metrics = await request.get("/metrics", { headers });
    expect(metrics.status()).toBe(200);
    expect(await metrics.text()).toContain("process_resident_memory_bytes");
    const openapi = await request.get("/api/v1/openapi.json", { headers });
    expect((await openapi.json()).openapi).toMatch(/^3\./);
  });
});
