/** A one-line progress bar on stderr (plain lines when stderr is not a terminal). */
export class ProgressBar {
  private done_ = 0;
  constructor(private readonly total: number) {}

  update(label: string): void {
    const width = 24;
    const filled = Math.round((this.done_ / Math.max(this.total, 1)) * width);
    const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done_}/${this.total} ${label}`;
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`);
    else process.stderr.write(line + "\n");
  }

  tick(): void {
    this.done_++;
  }

  done(): void {
    if (process.stderr.isTTY) process.stderr.write("\n");
  }
}
