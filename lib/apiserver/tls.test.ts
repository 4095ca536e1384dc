import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { X509Certificate as NodeX509, createPrivateKey } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  certificateSans,
  classifySans,
  createCertificateAuthority,
  createEphemeralTls,
  issueCertificate,
  loadOrCreateTls,
  normalizeSans,
  splitPem,
} from "./tls";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "flotilla-tls-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("SAN handling", () => {
  it.each([
    [["10.0.0.1"], ["10.0.0.1"], []],
    [["example.com"], [], ["example.com"]],
    [["0:0:0:0:0:0:0:1", "::1"], ["::1"], []],
    [["[fe80::1]"], ["fe80::1"], []],
    [["Flotilla.Local", " 192.168.1.5 ", ""], ["192.168.1.5"], ["flotilla.local"]],
    [["1.2.3.4.5"], [], ["1.2.3.4.5"]],
  ])("classifies %j", (input, ips, dnsNames) => {
    expect(classifySans(input)).toEqual({ ips, dnsNames });
  });

  it("normalizes to a sorted, de-duplicated set", () => {
    expect(normalizeSans(["b.example", "A.example", "a.example", "127.0.0.1"])).toEqual(["127.0.0.1", "a.example", "b.example"]);
  });
});

describe("issueCertificate", () => {
  it("signs a leaf with the CA, carrying IP and DNS SANs and serverAuth", async () => {
    const ca = await createCertificateAuthority({ commonName: "test-ca" });
    const leaf = await issueCertificate({ ca, commonName: "srv", sans: ["127.0.0.1", "::1", "svc.example"] });
    const node = new NodeX509(leaf.cert);
    const caNode = new NodeX509(ca.cert);
    expect(node.verify(caNode.publicKey)).toBe(true);
    expect(node.checkIssued(caNode)).toBe(true);
    expect(node.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(node.checkIP("::1")).toBeTruthy();
    expect(node.checkHost("svc.example")).toBe("svc.example");
    expect(node.checkHost("other.example")).toBeUndefined();
    expect(node.ca).toBe(false);
    expect(caNode.ca).toBe(true);
    expect(node.keyUsage).toContain("1.3.6.1.5.5.7.3.1");
    expect(createPrivateKey(leaf.key).asymmetricKeyType).toBe("ec");
    expect(certificateSans(leaf.cert)).toEqual(["127.0.0.1", "::1", "svc.example"]);
  });

  it("issues a positive serial number", async () => {
    const ca = await createCertificateAuthority({ commonName: "serial" });
    const serial = new x509.X509Certificate(ca.cert).serialNumber;
    expect(parseInt(serial.slice(0, 2), 16)).toBeLessThan(0x80);
  });

  it("costs milliseconds per sandbox CA + certificate", async () => {
    await createEphemeralTls(); // warm up
    const start = performance.now();
    for (let i = 0; i < 10; i++) await createEphemeralTls({ sans: [`sandbox-${i}.local`] });
    expect((performance.now() - start) / 10).toBeLessThan(100);
  });
});

describe("loadOrCreateTls", () => {
  it("generates once and returns the same CA and certificate on the next call", async () => {
    const first = await loadOrCreateTls({ dir });
    const second = await loadOrCreateTls({ dir });
    expect(second).toEqual(first);
    expect(first.caKey).toBeDefined();
    expect(certificateSans(first.cert)).toEqual(["127.0.0.1", "::1", "localhost"]);
    for (const f of ["ca.key", "tls.key"]) expect((await stat(path.join(dir, f))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(dir, "ca.crt"), "utf8")).toBe(first.caCert);
  });

  it("re-issues only the serving certificate when the SAN set changes", async () => {
    const first = await loadOrCreateTls({ dir });
    const second = await loadOrCreateTls({ dir, sans: ["10.1.2.3", "api.example"] });
    expect(second.caCert).toBe(first.caCert);
    expect(second.cert).not.toBe(first.cert);
    expect(certificateSans(second.cert)).toEqual(["10.1.2.3", "127.0.0.1", "::1", "api.example", "localhost"]);
    const third = await loadOrCreateTls({ dir, sans: ["API.example", "10.1.2.3"] });
    expect(third.cert).toBe(second.cert);
  });

  it("re-issues a serving certificate that expires within 30 days", async () => {
    const first = await loadOrCreateTls({ dir });
    const ca = { cert: first.caCert, key: first.caKey! };
    const shortLived = await issueCertificate({ ca, commonName: "flotilla", sans: ["127.0.0.1", "::1", "localhost"], days: 10 });
    await writeFile(path.join(dir, "tls.crt"), shortLived.cert);
    await writeFile(path.join(dir, "tls.key"), shortLived.key);
    const second = await loadOrCreateTls({ dir });
    expect(second.caCert).toBe(first.caCert);
    expect(second.cert).not.toBe(shortLived.cert);
    expect(new Date(new NodeX509(second.cert).validTo).getTime() - Date.now()).toBeGreaterThan(300 * 86_400_000);
  });

  it("re-issues a serving certificate not signed by the stored CA", async () => {
    await loadOrCreateTls({ dir });
    const foreign = await createEphemeralTls();
    await writeFile(path.join(dir, "tls.crt"), foreign.cert);
    const again = await loadOrCreateTls({ dir });
    expect(new NodeX509(again.cert).verify(new NodeX509(again.caCert).publicKey)).toBe(true);
  });

  it("reads user-supplied files; the chain after the leaf is the CA", async () => {
    const ca = await createCertificateAuthority({ commonName: "user-ca" });
    const leaf = await issueCertificate({ ca, commonName: "user", sans: ["localhost"] });
    await writeFile(path.join(dir, "chain.crt"), leaf.cert + ca.cert);
    await writeFile(path.join(dir, "alone.crt"), leaf.cert);
    await writeFile(path.join(dir, "user.key"), leaf.key);
    const chained = await loadOrCreateTls({ dir, certFile: path.join(dir, "chain.crt"), keyFile: path.join(dir, "user.key") });
    expect(chained.caCert.trim()).toBe(ca.cert.trim());
    expect(chained.key).toBe(leaf.key);
    expect(chained.caKey).toBeUndefined();
    const alone = await loadOrCreateTls({ dir, certFile: path.join(dir, "alone.crt"), keyFile: path.join(dir, "user.key") });
    expect(alone.caCert.trim()).toBe(leaf.cert.trim());
  });

  it("rejects a certFile without keyFile", async () => {
    await expect(loadOrCreateTls({ dir, certFile: "/x.crt" })).rejects.toThrow(/together/);
  });
});

describe("splitPem", () => {
  it("returns each certificate block", async () => {
    const a = await createCertificateAuthority({ commonName: "a" });
    const b = await createCertificateAuthority({ commonName: "b" });
    expect(splitPem(`junk\n${a.cert}\n${b.cert}`).map((p) => new NodeX509(p).subject)).toEqual(["CN=a", "CN=b"]);
  });
});
