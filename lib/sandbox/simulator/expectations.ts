/**
 * Controller expectations (kube-controller-manager's ControllerExpectations, in small): the
 * names a controller just created or deleted, until its informer cache shows the change.
 * Without them a reconcile running before the watch event arrives would create duplicates.
 * Entries expire after `ttlMs`, so a lost event cannot wedge a controller.
 */
export class Expectations {
  private readonly pending = new Map<string, Map<string, { op: "create" | "delete"; at: number }>>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 30_000,
  ) {}

  expectCreate(owner: string, name: string): void {
    this.entry(owner).set(name, { op: "create", at: this.now() });
  }

  expectDelete(owner: string, name: string): void {
    this.entry(owner).set(name, { op: "delete", at: this.now() });
  }

  /**
   * Settles entries against the names the cache holds now and returns what is still in
   * flight: creates not yet seen, deletes whose object is still listed.
   */
  inFlight(owner: string, cached: Set<string>): { creates: Set<string>; deletes: Set<string> } {
    const creates = new Set<string>();
    const deletes = new Set<string>();
    const m = this.pending.get(owner);
    if (!m) return { creates, deletes };
    const now = this.now();
    for (const [name, e] of m) {
      const settled = e.op === "create" ? cached.has(name) : !cached.has(name);
      if (settled || now - e.at > this.ttlMs) m.delete(name);
      else (e.op === "create" ? creates : deletes).add(name);
    }
    if (m.size === 0) this.pending.delete(owner);
    return { creates, deletes };
  }

  forget(owner: string): void {
    this.pending.delete(owner);
  }

  private entry(owner: string) {
    let m = this.pending.get(owner);
    if (!m) this.pending.set(owner, (m = new Map()));
    return m;
  }
}
