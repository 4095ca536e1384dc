// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildKubeconfig } from "../../lib/kube/kubeconfig";
import { RegistrationForm } from "./registration-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(onRegistered = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RegistrationForm onRegistered={onRegistered} />
    </QueryClientProvider>,
  );
  return onRegistered;
}

const twoContexts = `apiVersion: v1
kind: Config
clusters:
- name: a
  cluster: { server: "https://127.0.0.1:1" }
- name: b
  cluster: { server: "https://127.0.0.1:2" }
users:
- name: u
  user: { token: t }
contexts:
- name: ctx-a
  context: { cluster: a, user: u }
- name: ctx-b
  context: { cluster: b, user: u }
current-context: ctx-a
`;

describe("RegistrationForm", () => {
  it("shows field errors on submit and sends nothing while invalid", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    renderForm();
    fireEvent.click(screen.getByRole("button", { name: "Register cluster" }));
    expect(await screen.findByText("Name is required")).toBeTruthy();
    expect(screen.getByLabelText("Cluster name").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Paste or upload a kubeconfig")).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    // After the first submit a field re-validates as it is edited.
    fireEvent.change(screen.getByLabelText("Cluster name"), { target: { value: "edge-0" } });
    await waitFor(() => expect(screen.queryByText("Name is required")).toBeNull());
  });

  it("shows the agent command instead of registering in Pull mode", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ command: "npx flotilla agent --token abc --cluster-name edge-p" }), { status: 201 }));
    vi.stubGlobal("fetch", fetchMock);
    renderForm();
    fireEvent.change(screen.getByLabelText("Cluster name"), { target: { value: "edge-p" } });
    fireEvent.click(screen.getByLabelText(/^Pull/));
    expect(screen.queryByLabelText("Kubeconfig")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Register cluster" }));
    expect((await screen.findByLabelText("Agent command")).textContent).toContain("--cluster-name edge-p");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/clusters/pull-tokens");
    expect(JSON.parse(init.body as string)).toEqual({ clusterName: "edge-p" });
  });

  it("offers the kubeconfig's contexts once it parses", () => {
    renderForm();
    fireEvent.change(screen.getByLabelText("Kubeconfig"), { target: { value: twoContexts } });
    const options = [...(screen.getByLabelText("Context") as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(["Current context", "ctx-a", "ctx-b"]);
  });

  it("posts the request and maps the server's causes onto the fields", async () => {
    const fetchMock = vi.fn(async () =>
      new Response(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code: 422, reason: "Invalid", message: "Cluster is invalid", details: { causes: [{ field: "metadata.name", message: "already exists" }] } }), { status: 422 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderForm();
    fireEvent.change(screen.getByLabelText("Cluster name"), { target: { value: "edge-1" } });
    fireEvent.change(screen.getByLabelText("Kubeconfig"), { target: { value: buildKubeconfig({ name: "m", server: "https://127.0.0.1:9", token: "t", caData: "ca" }) } });
    fireEvent.change(screen.getByLabelText("Labels"), { target: { value: "env=prod" } });
    fireEvent.click(screen.getByRole("button", { name: "Register cluster" }));
    await waitFor(() => expect(screen.getByText("already exists")).toBeTruthy());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/clusters");
    expect(JSON.parse(init.body as string)).toMatchObject({ name: "edge-1", syncMode: "Push", labels: { env: "prod" } });
    expect(screen.getByLabelText("Cluster name").getAttribute("aria-invalid")).toBe("true");
  });

  it("calls back with the name after a successful registration", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ kind: "Cluster" }), { status: 201 })));
    const onRegistered = renderForm();
    fireEvent.change(screen.getByLabelText("Cluster name"), { target: { value: "edge-2" } });
    fireEvent.change(screen.getByLabelText("Kubeconfig"), { target: { value: buildKubeconfig({ name: "m", server: "https://127.0.0.1:9", token: "t", caData: "ca" }) } });
    fireEvent.click(screen.getByRole("button", { name: "Register cluster" }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith("edge-2"));
  });

  it("shows progress and blocks a second submit while connectivity is checked", async () => {
    let answer: (r: Response) => void = () => {};
    vi.stubGlobal("fetch", vi.fn(() => new Promise<Response>((r) => (answer = r))));
    const onRegistered = renderForm();
    fireEvent.change(screen.getByLabelText("Cluster name"), { target: { value: "edge-3" } });
    fireEvent.change(screen.getByLabelText("Kubeconfig"), { target: { value: buildKubeconfig({ name: "m", server: "https://127.0.0.1:9", token: "t", caData: "ca" }) } });
    fireEvent.click(screen.getByRole("button", { name: "Register cluster" }));
    expect((await screen.findByRole("status")).textContent).toContain("Checking connectivity");
    expect((screen.getByRole("button", { name: "Register cluster" }) as HTMLButtonElement).disabled).toBe(true);
    answer(new Response(JSON.stringify({ kind: "Cluster" }), { status: 201 }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith("edge-3"));
  });
});
