/**
 * Container image references split into hostname, repository, tag and digest, with the
 * grammar of distribution/reference (what Karmada's imageparser uses). Parsing is strict
 * (invalid references throw); the setters are not, exactly like Karmada's Components, so an
 * overrider can produce e.g. `registry/:v1` after removing the repository.
 */

const ALNUM = "[a-z0-9]+";
const SEPARATOR = "(?:[._]|__|[-]+)";
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
const DOMAIN_AND_PORT = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);

const ANCHORED_TAG = new RegExp(`^${TAG}$`);
const ANCHORED_DIGEST = new RegExp(`^${DIGEST}$`);
const NAME_TOTAL_LENGTH_MAX = 255;
/** Hex lengths of the digest algorithms Go registers (sha256, sha384, sha512). */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export class ImageComponents {
  constructor(
    public hostname: string,
    public repository: string,
    public tag: string,
    public digest: string,
  ) {}

  /** Repository including the hostname when there is one. */
  fullRepository(): string {
    return this.hostname ? `${this.hostname}/${this.repository}` : this.repository;
  }

  /** Tag wins over digest: a reference never renders both. */
  toString(): string {
    if (this.tag) return `${this.fullRepository()}:${this.tag}`;
    if (this.digest) return `${this.fullRepository()}@${this.digest}`;
    return this.fullRepository();
  }

  tagOrDigest(): string {
    return this.tag || this.digest;
  }

  /** Sets a tag or a digest depending on the input's shape; anything else is ignored silently. */
  setTagOrDigest(input: string): void {
    if (ANCHORED_TAG.test(input)) {
      this.tag = input;
      this.digest = "";
    } else if (ANCHORED_DIGEST.test(input)) {
      this.digest = input;
      this.tag = "";
    }
  }

  removeTagOrDigest(): void {
    if (this.tag) this.tag = "";
    else this.digest = "";
  }
}

/**
 * Parses an image reference. Throws an Error with distribution/reference's message on invalid
 * input. A reference carrying both a tag and a digest keeps only the tag (as Karmada does).
 */
export function parseImage(image: string): ImageComponents {
  const m = REFERENCE.exec(image);
  if (!m) {
    if (image === "") throw new Error("repository name must have at least one component");
    if (REFERENCE.test(image.toLowerCase())) throw new Error("repository name must be lowercase");
    throw new Error("invalid reference format");
  }
  const [, name, tag = "", digest = ""] = m;
  if (name.length > NAME_TOTAL_LENGTH_MAX) throw new Error(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  if (digest) validateDigest(digest);
  const [hostname, repository] = splitHostname(name);
  return new ImageComponents(hostname, repository, tag, tag ? "" : digest);
}

function validateDigest(digest: string): void {
  const i = digest.indexOf(":");
  const algorithm = digest.slice(0, i);
  const encoded = digest.slice(i + 1);
  const size = DIGEST_HEX_LENGTH[algorithm];
  if (size === undefined) throw new Error("unsupported digest algorithm");
  if (encoded.length !== size) throw new Error("invalid checksum digest length");
  if (!/^[a-f0-9]+$/.test(encoded)) throw new Error("invalid checksum digest format");
}

/**
 * Splits `host[:port]/path` into hostname and remote name. The first segment is a hostname
 * only when it contains `.` or `:` or is `localhost`.
 */
export function splitHostname(name: string): [string, string] {
  const i = name.indexOf("/");
  if (i === -1) return ["", name];
  const head = name.slice(0, i);
  if (!/[.:]/.test(head) && head !== "localhost") return ["", name];
  return [head, name.slice(i + 1)];
}
