import { expect, test } from "@playwright/test";
import { signIn } from "../clusters/sign-in";

// Set a sandbox down and see the overview turn it NotReady with the reason; bring it back.
test.describe("overview", () => {
  test("a sandbox set down turns NotReady on the overview, with the reason", async ({ page }) => {
    const name = `down-${Date.now().toString(36)}`;
    await signIn(page);
    expect((await page.request.post("/api/v1/sandboxes", { data: { name, nodes: 1 } })).status()).toBe(201);

    await page.goto("/");
    const item = page.getByRole("list", { name: "Cluster health" }).getByRole("listitem", { name: `Cluster ${name}` });
    await expect(item).toContainText(/(^|\W)Ready/, { timeout: 60_000 });
    await expect(page.getByRole("list", { name: "Capacity per cluster" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/overview-ready.png", fullPage: true });

    // Through the sandbox controls on the clusters page, as a user would.
    await page.goto("/clusters");
    await page.getByRole("button", { name: `Set ${name} down` }).click();
    await expect(page.getByRole("button", { name: `Bring ${name} up` })).toBeVisible();

    await page.goto("/");
    // Live over SSE: no reload needed once the page is open.
    await expect(item).toContainText("NotReady", { timeout: 60_000 });
    await expect(item.locator("p")).not.toBeEmpty();
    await page.screenshot({ path: "test-results/screens/overview-notready.png", fullPage: true });

    expect((await page.request.delete(`/api/v1/sandboxes/${name}/faults`)).ok()).toBe(true);
    await expect(item).toContainText(/(^|\W)Ready/, { timeout: 60_000 });
    await expect(item).not.toContainText("NotReady");
  });
});
