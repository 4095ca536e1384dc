import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "../clusters/sign-in";

// The propagation journey as a new user walks it: author a PropagationPolicy in the form while
// the preview shows the placement, create a Deployment in the YAML editor, watch it reach
// Applied on every chosen cluster in the workflow view, override its image on one cluster,
// then delete it and see it leave every cluster. Sandboxes member1..3 come from the config.

const id = Date.now().toString(36);
const deployment = `web-${id}`;
const chosen = ["member1", "member2"];

function manifest(image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${deployment}
  namespace: default
  labels:
    app: ${deployment}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${deployment}
  template:
    metadata:
      labels:
        app: ${deployment}
    spec:
      containers:
        - name: web
          image: ${image}
`;
}

/** Waits until the sandboxes are registered and Ready (the form's cluster picker lists them). */
async function waitForClusters(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await page.request.get("/k8s/apis/cluster.karmada.io/v1alpha1/clusters");
        if (!res.ok()) return [];
        const list = (await res.json()) as { items: { metadata: { name: string }; status?: { conditions?: { type: string; status: string }[] } }[] };
        return list.items.filter((c) => c.status?.conditions?.some((x) => x.type === "Ready" && x.status === "True")).map((c) => c.metadata.name);
      },
      { timeout: 90_000 },
    )
    .toEqual(expect.arrayContaining(chosen));
}

const workflowUrl = `/workflow/default/deployments.apps/${deployment}`;

/**
 * Opens the YAML tab of a member object in the workflow view and waits until its spec is drawn.
 * CodeMirror draws only the lines near the visible part of the page; an editor laid out at the
 * bottom of the window showed only its metadata until scrolled, so a check on the image line
 * could fail (and a "does not contain" check pass) without looking at the spec at all.
 */
async function memberYaml(page: Page, member: string): Promise<Locator> {
  await page.getByRole("button", { name: new RegExp(`^Member object ${member}`) }).click();
  await page.getByRole("tab", { name: "YAML" }).click();
  const box = page.getByRole("textbox", { name: `YAML of ${member}` });
  await box.scrollIntoViewIfNeeded();
  await box.hover();
  await page.mouse.wheel(0, 100);
  await expect(box).toContainText("containers:");
  return box;
}

test.describe.serial("propagation journey", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test("create a propagation policy in the form while the preview shows the placement", async ({ page }) => {
    await waitForClusters(page);
    await page.goto("/policies/new?kind=PropagationPolicy");
    await page.getByLabel("Name", { exact: true }).fill(`pp-${id}`);
    await page.getByLabel("Selector 1 name", { exact: true }).fill(deployment);
    const clusters = page.getByRole("group", { name: "Clusters", exact: true });
    for (const c of chosen) await clusters.getByLabel(c, { exact: true }).check();

    const preview = page.getByRole("complementary", { name: "Preview" });
    const selected = preview.getByRole("list", { name: "Selected clusters" });
    for (const c of chosen) await expect(selected).toContainText(c);
    await expect(selected).not.toContainText("member3");
    await expect(preview.getByRole("list", { name: "Excluded clusters" })).toContainText("member3");
    await page.screenshot({ path: "test-results/screens/policy-form-preview.png", fullPage: true });

    // The YAML tab shows the same object.
    await page.getByRole("tab", { name: "YAML" }).click();
    await expect(page.getByRole("textbox", { name: "Policy YAML" })).toContainText(`name: pp-${id}`);
    await page.getByRole("tab", { name: "Form" }).click();

    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page).toHaveURL(new RegExp(`/policies/propagationpolicies/default/pp-${id}$`));
    await expect(page.getByRole("heading", { name: `pp-${id}` })).toBeVisible();
  });

  test("create a Deployment in the YAML editor", async ({ page }) => {
    await page.goto("/resources/new");
    await page.getByLabel("Upload YAML file").setInputFiles({ name: "deployment.yaml", mimeType: "text/yaml", buffer: Buffer.from(manifest("nginx:1.27")) });
    await expect(page.getByRole("textbox", { name: "Manifest YAML" })).toContainText(deployment);
    await page.screenshot({ path: "test-results/screens/resource-yaml-editor.png", fullPage: true });
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(new RegExp(`/resources/default/deployments.apps/${deployment}$`));
  });

  test("watch it reach Applied on every chosen cluster in the workflow view", async ({ page }) => {
    await page.goto(workflowUrl);
    for (const c of chosen) await expect(page.getByRole("button", { name: `Work ${c}: Applied` })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByRole("button", { name: /^Work member3/ })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/workflow-applied.png", fullPage: true });
  });

  test("add an override policy and see the image change in one cluster", async ({ page }) => {
    await page.goto("/policies/new?kind=OverridePolicy");
    await page.getByLabel("Name", { exact: true }).fill(`op-${id}`);
    await page.getByLabel("Selector 1 name", { exact: true }).fill(deployment);
    await page.getByRole("group", { name: "Rule 1 target clusters" }).getByLabel("member2", { exact: true }).check();
    await page.getByLabel("Rule 1 image 1 value", { exact: true }).fill("1.27-alpine");
    // The per-cluster diff of the real Deployment before anything is applied.
    await page.getByLabel("Preview name", { exact: true }).fill(deployment);
    await expect(page.getByRole("region", { name: "Override diff for member2" })).toContainText("nginx:1.27-alpine");
    await expect(page.getByRole("region", { name: "Override diff for member1" })).toContainText("No change");
    await page.screenshot({ path: "test-results/screens/override-diff.png", fullPage: true });
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page).toHaveURL(new RegExp(`/policies/overridepolicies/default/op-${id}$`));

    await page.goto(workflowUrl);
    await expect(async () => expect(await memberYaml(page, "member2")).toContainText("image: nginx:1.27-alpine", { timeout: 2_000 })).toPass({ timeout: 60_000 });
    const member1 = await memberYaml(page, "member1");
    await expect(member1).toContainText("image: nginx:1.27");
    await expect(member1).not.toContainText("alpine");
    await page.screenshot({ path: "test-results/screens/workflow-override.png", fullPage: true });
  });

  test("delete the Deployment and see it leave every cluster", async ({ page }) => {
    await page.goto(`/resources/default/deployments.apps/${deployment}`);
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(new RegExp(`${workflowUrl}$`));
    await expect(page.getByRole("button", { name: /^Resource template .*: Not found/ })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("button", { name: /^Work / })).toHaveCount(0, { timeout: 90_000 });
    for (const c of chosen) {
      const works = await page.request.get(`/k8s/apis/work.karmada.io/v1alpha1/namespaces/karmada-es-${c}/works`);
      const names = ((await works.json()) as { items: { spec?: { workload?: { manifests?: { metadata?: { name?: string } }[] } } }[] }).items.map((w) => w.spec?.workload?.manifests?.[0]?.metadata?.name);
      expect(names).not.toContain(deployment);
    }
    await page.screenshot({ path: "test-results/screens/workflow-deleted.png", fullPage: true });
  });
});
