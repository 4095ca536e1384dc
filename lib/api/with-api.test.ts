import { afterEach, describe, expect, it, vi } from "vitest";
import { clientWentAway, statusResponse } from "./with-api";

describe("clientWentAway", () => {
  afterEach(() => vi.restoreAllMocks());

  it("tells a client's hang-up from a server fault", () => {
    const live = new Request("http://x/api");
    const ac = new AbortController();
    const gone = new Request("http://x/api", { signal: ac.signal });
    ac.abort();
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    expect(clientWentAway(gone, new Error("anything"))).toBe(true);
    expect(clientWentAway(live, aborted)).toBe(true);
    expect(clientWentAway(live, new Error("boom"))).toBe(false);
    expect(clientWentAway(live, undefined)).toBe(false);
  });

  it("an unexpected error is still logged and answered with an opaque 500 Status", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = statusResponse(new Error("boom"));
    expect(res.status).toBe(500);
    expect((await res.json()).reason).toBe("InternalError");
    expect(log).toHaveBeenCalledOnce();
  });
});
