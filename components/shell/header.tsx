"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { HeaderSearch } from "./header-search";
import { NamespaceSelect } from "./namespace-select";
import { ThemeToggle } from "./theme-toggle";

/** The console header: namespace filter and search on the left, theme, user and sign-out on the right. */
export function Header({ username }: { username: string }) {
  const router = useRouter();
  async function signOut() {
    await fetch("/api/v1/auth/sign-out", { method: "POST" });
    router.replace("/sign-in");
    router.refresh();
  }
  return (
    <header className="flex h-14 items-center gap-3 border-b border-slate-200 bg-white px-6 dark:border-slate-800 dark:bg-slate-900">
      <NamespaceSelect />
      <HeaderSearch />
      <div className="ml-auto flex items-center gap-3">
        <ThemeToggle />
        <span className="text-sm text-slate-600 dark:text-slate-300" aria-label="Signed in user">
          {username}
        </span>
        <Button variant="secondary" onClick={signOut}>
          Sign out
        </Button>
      </div>
    </header>
  );
}
