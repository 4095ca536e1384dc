import { describe, expect, it } from "vitest";
import { createEphemeralTls } from "../apiserver/tls";
import { withSharedSecureContext } from "./shared-dispatcher";

describe("withSharedSecureContext", () => {
  it("adds one SecureContext built from the agent's CA to its connect options", async () => {
    const material = await createEphemeralTls();
    const opts = { type: "agent", connect: { ca: Buffer.from(material.caCert), keepAlive: true } };
    const out = withSharedSecureContext(opts);
    expect(out.connect?.secureContext).toHaveProperty("context");
    expect(out.connect?.keepAlive).toBe(true);
    // The caller's options are not mutated, and an existing context is kept as it is.
    expect(opts.connect).not.toHaveProperty("secureContext");
    expect(withSharedSecureContext(out)).toBe(out);
  });

  it("leaves proxy and plain-HTTP dispatchers alone", () => {
    const proxy = { type: "proxy", connect: { keepAlive: true } };
    expect(withSharedSecureContext(proxy)).toBe(proxy);
    const none = { type: "none" };
    expect(withSharedSecureContext(none)).toBe(none);
  });
});
