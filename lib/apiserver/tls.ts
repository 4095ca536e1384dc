import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { createPrivateKey, randomBytes, webcrypto } from "node:crypto";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { isIP } from "node:net";
import path from "node:path";

// Set the provider once per call site rather than at import (no module-level side effects);
// setting it repeatedly is idempotent.
function provider(): void {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const EC_ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNING_ALGORITHM = { name: "ECDSA", hash: "SHA-256" } as const;
/** Names every serving certificate carries, so loopback access works whatever the caller types. */
export const DEFAULT_SANS: readonly string[] = ["127.0.0.1", "::1", "localhost"];
/** Serving certificates closer than this to expiry are re-issued at start-up. */
export const RENEW_BEFORE_MS = 30 * DAY_MS;

/** PEM key material an HTTPS listener and its kubeconfig need. */
export interface TlsMaterial {
  /** PKCS#8 private key of the serving certificate. */
  key: string;
  /** Serving certificate (leaf first, followed by any intermediates). */
  cert: string;
  /** What clients must trust: goes into kubeconfig `certificate-authority-data`. */
  caCert: string;
  /** Present when Flotilla owns the CA (generated), absent for user-supplied certificates. */
  caKey?: string;
}

/** A certificate authority as PEM strings. */
export interface CertificateAuthority {
  cert: string;
  key: string;
}

export interface LoadOrCreateTlsOptions {
  /** Where generated material lives (ca.crt, ca.key, tls.crt, tls.key). */
  dir: string;
  /** Extra subject alternative names (IP addresses or DNS names), added to DEFAULT_SANS. */
  sans?: string[];
  /** User-supplied serving certificate; when given with keyFile nothing is generated. */
  certFile?: string;
  keyFile?: string;
  commonName?: string;
}

/**
 * Returns the serving TLS material of the API server. With certFile+keyFile it reads them (the
 * CA is the issuer chain after the leaf in certFile, or the leaf itself when it stands alone).
 * Otherwise it keeps a 10-year CA and a serving certificate in `dir`, generated on first use;
 * the serving certificate (never the CA, which kubeconfigs already embed) is re-issued when
 * the wanted SAN set changed or it expires within 30 days.
 */
export async function loadOrCreateTls(opts: LoadOrCreateTlsOptions): Promise<TlsMaterial> {
  if (opts.certFile || opts.keyFile) {
    if (!opts.certFile || !opts.keyFile) throw new Error("tls: certFile and keyFile must be given together");
    return readUserTls(opts.certFile, opts.keyFile);
  }
  const dir = opts.dir;
  await mkdir(dir, { recursive: true });
  const commonName = opts.commonName ?? "flotilla";
  const wanted = normalizeSans([...DEFAULT_SANS, ...(opts.sans ?? [])]);
  const file = (name: string) => path.join(dir, name);

  let ca = await readPair(file("ca.crt"), file("ca.key"));
  let caIsNew = false;
  if (!ca || expiresWithin(ca.cert, RENEW_BEFORE_MS)) {
    ca = await createCertificateAuthority({ commonName: `${commonName}-ca` });
    await writePair(file("ca.crt"), file("ca.key"), ca);
    caIsNew = true;
  }
  let leaf = await readPair(file("tls.crt"), file("tls.key"));
  if (!leaf || caIsNew || (await needsReissue(leaf.cert, ca.cert, wanted))) {
    leaf = await issueCertificate({ ca, commonName, sans: wanted });
    await writePair(file("tls.crt"), file("tls.key"), leaf);
  }
  return { key: leaf.key, cert: leaf.cert, caCert: ca.cert, caKey: ca.key };
}

/** Creates a self-signed ECDSA P-256 CA (default 10 years). A few milliseconds. */
export async function createCertificateAuthority(opts: { commonName: string; days?: number }): Promise<CertificateAuthority> {
  provider();
  const keys = await generateKeys();
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${escapeRdn(opts.commonName)}`,
    notBefore: new Date(now - 60 * 60 * 1000),
    notAfter: new Date(now + (opts.days ?? 3650) * DAY_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString("pem"), key: await exportKey(keys.privateKey) };
}

export interface IssueCertificateOptions {
  ca: CertificateAuthority;
  commonName: string;
  /** IP addresses and DNS names; each is classified automatically. */
  sans: string[];
  /** Validity, default 365 days. */
  days?: number;
  /** Also allow use as a TLS client certificate (e.g. for mTLS to members). */
  clientAuth?: boolean;
}

/**
 * Issues an ECDSA P-256 serving certificate signed by `ca`. Cheap (milliseconds), so every
 * sandbox cluster can have its own CA and certificate.
 */
export async function issueCertificate(opts: IssueCertificateOptions): Promise<CertificateAuthority> {
  provider();
  const caCert = new x509.X509Certificate(opts.ca.cert);
  const caKey = await importPrivateKey(opts.ca.key);
  const keys = await generateKeys();
  const now = Date.now();
  const usages = [x509.ExtendedKeyUsage.serverAuth, ...(opts.clientAuth ? [x509.ExtendedKeyUsage.clientAuth] : [])];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${escapeRdn(opts.commonName)}`,
    issuer: caCert.subject,
    notBefore: new Date(now - 60 * 60 * 1000),
    notAfter: new Date(now + (opts.days ?? 365) * DAY_MS),
    signingAlgorithm: caKey.algorithm.name === "ECDSA" ? SIGNING_ALGORITHM : { name: caKey.algorithm.name, hash: "SHA-256" },
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension(usages),
      new x509.SubjectAlternativeNameExtension(toGeneralNames(opts.sans)),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
    ],
  });
  return { cert: cert.toString("pem"), key: await exportKey(keys.privateKey) };
}

/**
 * One-shot material for an in-process server (a sandbox cluster): a fresh CA and a serving
 * certificate for the loopback names plus `sans`. Nothing touches disk.
 */
export async function createEphemeralTls(opts: { commonName?: string; sans?: string[] } = {}): Promise<TlsMaterial> {
  const commonName = opts.commonName ?? "flotilla-sandbox";
  const ca = await createCertificateAuthority({ commonName: `${commonName}-ca` });
  const leaf = await issueCertificate({ ca, commonName, sans: [...DEFAULT_SANS, ...(opts.sans ?? [])] });
  return { key: leaf.key, cert: leaf.cert, caCert: ca.cert, caKey: ca.key };
}

/** SANs split by type. An entry is an IP when node:net recognises it, a DNS name otherwise. */
export function classifySans(sans: string[]): { ips: string[]; dnsNames: string[] } {
  const ips: string[] = [];
  const dnsNames: string[] = [];
  for (const san of normalizeSans(sans)) (isIP(san) ? ips : dnsNames).push(san);
  return { ips, dnsNames };
}

/** The SANs a PEM certificate carries (IPs in canonical form, DNS names lower-cased). */
export function certificateSans(certPem: string): string[] {
  const cert = new x509.X509Certificate(certPem);
  const ext = cert.getExtension(x509.SubjectAlternativeNameExtension);
  if (!ext) return [];
  return normalizeSans(ext.names.items.filter((n) => n.type === "ip" || n.type === "dns").map((n) => n.value));
}

/** Trims, de-duplicates, canonicalises IPv6 (so "0:0::1" equals "::1") and sorts. */
export function normalizeSans(sans: string[]): string[] {
  const out = new Set<string>();
  for (const raw of sans) {
    const s = raw.trim().replace(/^\[(.*)\]$/, "$1");
    if (!s) continue;
    out.add(canonicalName(s));
  }
  return [...out].sort();
}

function canonicalName(s: string): string {
  const kind = isIP(s);
  if (kind === 6) return new URL(`http://[${s}]/`).hostname.slice(1, -1);
  if (kind === 4) return s;
  return s.toLowerCase();
}

function toGeneralNames(sans: string[]): x509.JsonGeneralNames {
  return normalizeSans(sans).map((value) => ({ type: isIP(value) ? "ip" : "dns", value }) as x509.JsonGeneralName);
}

async function needsReissue(leafPem: string, caPem: string, wanted: string[]): Promise<boolean> {
  if (expiresWithin(leafPem, RENEW_BEFORE_MS)) return true;
  const have = certificateSans(leafPem);
  if (have.length !== wanted.length || have.some((s, i) => s !== wanted[i])) return true;
  // A CA replaced by hand would leave a leaf nobody trusts.
  const leaf = new x509.X509Certificate(leafPem);
  return !(await leaf.verify({ publicKey: new x509.X509Certificate(caPem).publicKey, signatureOnly: true }));
}

function expiresWithin(certPem: string, ms: number): boolean {
  return new x509.X509Certificate(certPem).notAfter.getTime() - Date.now() < ms;
}

async function readUserTls(certFile: string, keyFile: string): Promise<TlsMaterial> {
  const [certText, key] = await Promise.all([readFile(certFile, "utf8"), readFile(keyFile, "utf8")]);
  const blocks = splitPem(certText);
  if (blocks.length === 0) throw new Error(`tls: ${certFile} holds no PEM certificate`);
  const caCert = blocks.length > 1 ? blocks.slice(1).join("") : blocks[0];
  return { key, cert: blocks.join(""), caCert };
}

/** Splits a PEM bundle into its CERTIFICATE blocks, each newline-terminated. */
export function splitPem(text: string): string[] {
  const re = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
  return [...text.matchAll(re)].map((m) => `${m[0]}\n`);
}

async function readPair(certFile: string, keyFile: string): Promise<CertificateAuthority | null> {
  try {
    const [cert, key] = await Promise.all([readFile(certFile, "utf8"), readFile(keyFile, "utf8")]);
    new x509.X509Certificate(cert); // throws on garbage, which then counts as missing
    return { cert, key };
  } catch {
    return null;
  }
}

async function writePair(certFile: string, keyFile: string, pair: CertificateAuthority): Promise<void> {
  await atomicWrite(keyFile, pair.key, 0o600);
  await atomicWrite(certFile, pair.cert, 0o644);
}

// Write-then-rename so a concurrent reader never sees half a PEM file.
async function atomicWrite(file: string, data: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, data, { mode });
  await chmod(tmp, mode);
  await rename(tmp, file);
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(EC_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
}

async function exportKey(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", key));
  const body = der.toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
}

/** Imports a PEM private key (PKCS#8, SEC1 or PKCS#1) as a WebCrypto signing key. */
async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const keyObject = createPrivateKey(pem);
  const der = keyObject.export({ format: "der", type: "pkcs8" });
  if (keyObject.asymmetricKeyType === "ec") {
    const curve = keyObject.asymmetricKeyDetails?.namedCurve;
    const namedCurve = curve === "secp384r1" ? "P-384" : curve === "secp521r1" ? "P-521" : "P-256";
    return webcrypto.subtle.importKey("pkcs8", der, { name: "ECDSA", namedCurve }, false, ["sign"]) as Promise<CryptoKey>;
  }
  if (keyObject.asymmetricKeyType === "rsa") {
    return webcrypto.subtle.importKey("pkcs8", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]) as Promise<CryptoKey>;
  }
  throw new Error(`tls: unsupported CA key type ${keyObject.asymmetricKeyType}`);
}

// Positive 128-bit serial: Go rejects negative serial numbers, so clear the top bit.
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString("hex");
}

function escapeRdn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, "\\$1");
}
