/**
 * The toast queue behind `toast()` and <Toaster/>: a tiny external store (no timers here; the
 * Toaster schedules dismissal), so any component or mutation callback can raise a toast
 * without a provider.
 */
export type ToastTone = "success" | "danger" | "info";

export interface Toast {
  id: number;
  title: string;
  description?: string;
  tone: ToastTone;
}

type Listener = () => void;

export class ToastStore {
  private items: Toast[] = [];
  private listeners = new Set<Listener>();
  private nextId = 1;

  show(t: Omit<Toast, "id" | "tone"> & { tone?: ToastTone }): number {
    const id = this.nextId++;
    // Keep the last five: a burst of failures must not bury the page.
    this.items = [...this.items, { ...t, tone: t.tone ?? "info", id }].slice(-5);
    this.emit();
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
    this.emit();
  }

  snapshot = (): Toast[] => this.items;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The browser's one toast queue. */
export const toasts = new ToastStore();

/** Raises a toast: `toast({ title: "Cluster registered", tone: "success" })`. */
export function toast(t: Omit<Toast, "id" | "tone"> & { tone?: ToastTone }): number {
  return toasts.show(t);
}
