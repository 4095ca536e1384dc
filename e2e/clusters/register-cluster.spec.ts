import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// Register a cluster through the form from a sandbox's kubeconfig and see it turn Ready.
test.describe("clusters", () => {
  test("registers a sandbox's kubeconfig through the form and sees it Ready", async ({ page }) => {
    const suffix = Date.now().toString(36);
    const sandbox = `sb-${suffix}`;
    const cluster = `reg-${suffix}`;
    await signIn(page);

    // An extra sandbox (through the sandbox REST, with the page's session) gives a member to register under a new name.
    const created = await page.request.post("/api/v1/sandboxes", { data: { name: sandbox, nodes: 2 } });
    expect(created.status(), await created.text()).toBe(201);
    const kubeconfig = await readFile(path.join(process.env.E2E_DATA_DIR!, "sandboxes", `${sandbox}.kubeconfig`), "utf8");

    await page.goto("/clusters");
    await expect(page.getByRole("table", { name: "Clusters" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/clusters.png", fullPage: true });
    await page.getByRole("link", { name: "Register cluster" }).click();
    await expect(page.getByRole("heading", { name: "Register cluster" })).toBeVisible();

    // Field errors first: nothing is sent while the form is invalid.
    await page.getByRole("button", { name: "Register cluster" }).click();
    await expect(page.getByText("Name is required")).toBeVisible();

    await page.getByLabel("Cluster name").fill(cluster);
    await page.getByLabel("Kubeconfig", { exact: true }).fill(kubeconfig);
    await expect(page.getByLabel("Context")).toBeEnabled();
    await page.getByLabel("Labels").fill("env=e2e");
    await page.getByLabel("Region").fill("eu-e2e");
    await page.screenshot({ path: "test-results/screens/cluster-register.png", fullPage: true });
    await page.getByRole("button", { name: "Register cluster" }).click();

    await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}$`));
    await expect(page.getByRole("heading", { name: cluster })).toBeVisible();
    // "Ready" as a word: NotReady must not match.
    await expect(page.getByLabel("Cluster status")).toContainText(/(^|\W)Ready/, { timeout: 60_000 });
    await page.screenshot({ path: "test-results/screens/cluster-detail.png", fullPage: true });

    await page.goto("/clusters");
    await page.getByLabel("Search clusters").fill(cluster);
    const row = page.getByRole("row", { name: `Cluster ${cluster}` });
    await expect(row).toContainText(/(^|\W)Ready/);
    await expect(row).toContainText("eu-e2e");
  });
});
