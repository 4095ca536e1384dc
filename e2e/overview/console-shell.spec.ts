import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../clusters/sign-in";
import { KubeSeeder } from "../scale/seed";

// The console shell: the header's namespace filter and search held in the URL, the group's
// not-found page, toasts from the layout's Toaster, and every page of ours in light and dark.
test.describe("console shell", () => {
  test("namespace filter and search live in the URL and follow navigation", async ({ page, baseURL }) => {
    const ns = `shell-${Date.now().toString(36)}`;
    const seeder = await KubeSeeder.fromDataDir(baseURL!);
    await seeder.send({ method: "POST", path: "/api/v1/namespaces", body: { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } } });
    await signIn(page);

    await page.goto("/clusters");
    const filter = page.getByRole("combobox", { name: "Namespace filter" });
    await expect(filter.locator("option", { hasText: ns })).toHaveCount(1);
    await filter.selectOption(ns);
    await expect(page).toHaveURL(new RegExp(`[?&]ns=${ns}`));

    // The choice follows the user through the sidebar, and survives a reload.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect(page).toHaveURL(new RegExp(`/\\?ns=${ns}$`));
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Namespace filter" })).toHaveValue(ns);

    // On the clusters list the header search filters in place, through ?q=.
    await page.goto("/clusters");
    await expect(page.getByRole("row", { name: "Cluster member1" })).toBeVisible({ timeout: 60_000 });
    await page.getByRole("searchbox", { name: "Search console" }).fill("member2");
    await expect(page).toHaveURL(/[?&]q=member2/);
    await expect(page.getByRole("row", { name: "Cluster member2" })).toBeVisible();
    await expect(page.getByRole("row", { name: "Cluster member1" })).toHaveCount(0);
    await expect(page.getByLabel("Search clusters")).toHaveValue("member2");

    // Elsewhere, Enter opens the resources list with the search and the namespace.
    await page.goto(`/?ns=${ns}`);
    await page.getByRole("searchbox", { name: "Search console" }).fill("web");
    await page.getByRole("searchbox", { name: "Search console" }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`/resources\\?ns=${ns}&q=web$`));
  });

  test("a failing action raises a toast from the layout; unknown objects get the not-found page", async ({ page }) => {
    await signIn(page);
    await page.goto("/clusters/register");
    await page.getByLabel("Cluster name").fill(`toast-${Date.now().toString(36)}`);
    await page.getByRole("radio", { name: /^Push/ }).check();
    await page.getByLabel("Credentials").selectOption("token");
    await page.getByLabel("API endpoint").fill("https://127.0.0.1:1");
    await page.getByLabel("Bearer token").fill("nothing-listens-there");
    await page.getByLabel("Skip TLS verification (insecure)").check();
    await page.getByRole("button", { name: "Register cluster" }).click();
    const region = page.getByRole("region", { name: "Notifications" });
    await expect(region.getByRole("alert")).toContainText("Registration failed", { timeout: 30_000 });
    await expect(region).toHaveCount(1);

    await page.goto("/clusters/no-such-cluster-here");
    await expect(page.getByText("This cluster is not registered")).toBeVisible();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`our pages render in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page);
      await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /dark/ : /^(?!.*dark)/);
      const shots: [string, string, (p: Page) => Promise<void>][] = [
        ["overview", "/", (p) => expect(p.getByRole("list", { name: "Cluster health" })).toBeVisible()],
        ["clusters", "/clusters", (p) => expect(p.getByRole("table", { name: "Clusters" })).toBeVisible()],
        ["cluster-detail", "/clusters/member1", (p) => expect(p.getByLabel("Cluster status")).toBeVisible()],
        ["cluster-register", "/clusters/register", (p) => expect(p.getByRole("form", { name: "Register cluster" })).toBeVisible()],
        ["not-found", "/clusters/no-such-cluster-here", (p) => expect(p.getByText("This cluster is not registered")).toBeVisible()],
      ];
      for (const [name, url, ready] of shots) {
        await page.goto(url);
        await ready(page);
        await page.screenshot({ path: `test-results/screens/${name}-${scheme}.png`, fullPage: true });
      }
    });
  }
});
