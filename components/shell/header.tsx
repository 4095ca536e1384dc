"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ThemeToggle } from "./theme-toggle";

export function Header({ username }: { username: string }) {
  const router = useRouter();
  async function signOut() {
    await fetch("/api/v1/auth/sign-out", { method: "POST" });
    router.replace("/sign-in");
    router.refresh();
  }
  return (
    <header className="flex h-14 items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 dark:border-slate-800 dark:bg-slate-900">
      <ThemeToggle />
      <span className="text-sm text-slate-600 dark:text-slate-300" aria-label="Signed in user">
        {username}
      </span>
      <Button variant="secondary" onClick={signOut}>
        Sign out
      </Button>
    </header>
  );
}
