// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Toaster } from "./toaster";
import { toast, toasts } from "./toast-store";

afterEach(() => {
  cleanup();
  for (const t of toasts.snapshot()) toasts.dismiss(t.id);
});

function Two({ showPage }: { showPage: boolean }) {
  return (
    <>
      {showPage && (
        <div data-testid="page">
          <Toaster />
        </div>
      )}
      <Toaster />
    </>
  );
}

describe("Toaster", () => {
  it("renders a toast once however many instances are mounted", () => {
    render(<Two showPage />);
    act(() => void toast({ title: "Saved", tone: "success" }));
    expect(screen.getAllByRole("region", { name: "Notifications" })).toHaveLength(1);
    expect(screen.getAllByText("Saved")).toHaveLength(1);
  });

  it("hands over to the surviving instance when the rendering one unmounts", () => {
    const view = render(<Two showPage />);
    expect(screen.getByTestId("page").querySelector("[role=region]")).not.toBeNull();
    view.rerender(<Two showPage={false} />);
    act(() => void toast({ title: "Still shown", tone: "danger" }));
    expect(screen.getByRole("alert").textContent).toContain("Still shown");
  });
});
