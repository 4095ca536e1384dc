// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { errors } from "../../lib/kube/errors";
import { ConsoleErrorView } from "./console-error";

afterEach(cleanup);

describe("ConsoleErrorView", () => {
  it("shows the Status message and field causes of an ApiError, and retries", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const reset = vi.fn();
    const err = errors.invalid("Cluster", "edge", [{ field: "spec.apiEndpoint", message: "must be a URL", reason: "FieldValueInvalid" }], "cluster.karmada.io");
    render(<ConsoleErrorView error={err} reset={reset} />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(err.status.message!);
    expect(alert.textContent).toContain("spec.apiEndpoint: must be a URL");
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(reset).toHaveBeenCalledOnce();
  });

  it("shows a server failure's digest for the logs", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(<ConsoleErrorView error={Object.assign(new Error("An error occurred in the Server Components render."), { digest: "12345" })} reset={() => {}} />);
    expect(screen.getByText("Error reference: 12345")).toBeTruthy();
  });
});
