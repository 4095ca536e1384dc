// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PolicyEditor } from "./policy-editor";
import { newOverridePolicy } from "./override-form-model";
import { newPropagationPolicy } from "./propagation-form-model";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

const requests: { url: string; body?: unknown }[] = [];

beforeEach(() => {
  // jsdom has no layout; CodeMirror measures text ranges when its document is replaced.
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  requests.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.startsWith("/k8s/apis/cluster.karmada.io")) {
        return new Response(JSON.stringify({ apiVersion: "v1", kind: "ClusterList", metadata: {}, items: ["m1", "m2", "m3"].map((name) => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: {} })) }));
      }
      if (url === "/api/v1/placement/preview") {
        // As the server does: a policy without a name is invalid.
        if (!(requests[requests.length - 1].body as { policy: { metadata?: { name?: string } } }).policy.metadata?.name) {
          return new Response(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code: 422, reason: "Invalid", message: "policy.metadata.name: Required value" }), { status: 422 });
        }
        return new Response(
          JSON.stringify({
            clusters: [{ name: "m1", replicas: 3 }],
            summary: "1/3 clusters fit",
            explanation: { clusters: [{ name: "m1", filters: [], feasible: true, replicas: 3 }, { name: "m2", filters: [{ plugin: "ClusterAffinity", passed: false, reason: "cluster(s) did not match the placement cluster affinity constraint" }], feasible: false }] },
          }),
        );
      }
      return new Response(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code: 404, reason: "NotFound", message: "not found" }), { status: 404 });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor(initial = newPropagationPolicy()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <PolicyEditor initial={initial} mode="create" />
    </QueryClientProvider>,
  );
}

const yamlText = () => document.querySelector(".cm-content")?.textContent ?? "";

describe("PolicyEditor (propagation)", () => {
  it("shows field errors as you type and blocks saving", async () => {
    renderEditor();
    const name = screen.getByLabelText("Name");
    fireEvent.change(name, { target: { value: "Bad_Name" } });
    await waitFor(() => expect(screen.getByText(/lowercase RFC 1123 subdomain/)).toBeTruthy());
    expect((screen.getByRole("button", { name: "Create policy" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Cluster label selector"), { target: { value: "env in (a" } });
    await waitFor(() => expect(screen.getByText("Not a valid label selector")).toBeTruthy());
  });

  it("keeps the form and the YAML tab in step both ways", async () => {
    renderEditor();
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "web-pp" } });
    const picker = () => within(screen.getByRole("group", { name: "Clusters" }));
    await waitFor(() => expect(picker().getByLabelText("m2")).toBeTruthy());
    fireEvent.click(picker().getByLabelText("m2"));
    fireEvent.click(screen.getByRole("tab", { name: "YAML" }));
    await waitFor(() => expect(yamlText()).toContain("name: web-pp"));
    expect(yamlText()).toContain("- m2");

    // YAML → form: load a file into the YAML tab, then the form shows it.
    const file = new File([
      "apiVersion: policy.karmada.io/v1alpha1\nkind: PropagationPolicy\nmetadata:\n  name: from-yaml\n  namespace: team-a\nspec:\n  resourceSelectors:\n    - apiVersion: apps/v1\n      kind: Deployment\n      name: nginx\n  placement:\n    clusterAffinity:\n      clusterNames: [m3]\n",
    ], "pp.yaml");
    const input = screen.getByLabelText("Upload YAML file") as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await waitFor(() => expect(yamlText()).toContain("from-yaml"));
    fireEvent.click(screen.getByRole("tab", { name: "Form" }));
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("from-yaml");
    expect((screen.getByLabelText("Namespace") as HTMLInputElement).value).toBe("team-a");
    expect((screen.getByLabelText("Selector 1 name") as HTMLInputElement).value).toBe("nginx");
    await waitFor(() => expect((picker().getByLabelText("m3") as HTMLInputElement).checked).toBe(true));
    expect((picker().getByLabelText("m2") as HTMLInputElement).checked).toBe(false);
  });

  it("previews a draft that has no name yet instead of failing on it", async () => {
    renderEditor();
    const preview = screen.getByRole("complementary", { name: "Preview" });
    await waitFor(() => expect(within(preview).getByRole("list", { name: "Selected clusters" }).textContent).toContain("m1"), { timeout: 3000 });
    expect(within(preview).queryByText("The preview failed")).toBeNull();
  });

  it("previews the placement of the draft, with why other clusters are excluded", async () => {
    renderEditor();
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "web-pp" } });
    const preview = screen.getByRole("complementary", { name: "Preview" });
    await waitFor(() => expect(within(preview).getByRole("list", { name: "Selected clusters" }).textContent).toContain("m1"), { timeout: 3000 });
    expect(within(preview).getByRole("list", { name: "Excluded clusters" }).textContent).toMatch(/m2: ClusterAffinity: cluster\(s\) did not match/);
    // The debounced preview follows the draft: a request with the typed name goes out.
    const names = () => requests.filter((r) => r.url === "/api/v1/placement/preview").map((r) => (r.body as { policy: { metadata: { name: string } } }).policy.metadata.name);
    await waitFor(() => expect(names()).toContain("web-pp"), { timeout: 3000 });
  });
});

describe("PolicyEditor (override)", () => {
  it("edits an image overrider in the form and reflects it in the YAML", async () => {
    renderEditor(newOverridePolicy() as never);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "img" } });
    fireEvent.change(screen.getByLabelText("Rule 1 image 1 value"), { target: { value: "1.27-alpine" } });
    fireEvent.click(screen.getByRole("tab", { name: "YAML" }));
    await waitFor(() => expect(yamlText()).toContain("value: 1.27-alpine"));
    expect(yamlText()).toContain("component: Tag");
  });

  it("rejects a plaintext value that is not JSON", async () => {
    renderEditor(newOverridePolicy() as never);
    fireEvent.click(screen.getByRole("button", { name: "Add plaintext overrider" }));
    fireEvent.change(screen.getByLabelText("Rule 1 plaintext 1 value"), { target: { value: "five" } });
    await waitFor(() => expect(screen.getByText(/must be JSON/)).toBeTruthy());
  });
});
