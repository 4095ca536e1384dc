import type { ReactNode } from "react";
import { Suspense } from "react";
import { redirect } from "next/navigation";
import { Sidebar } from "@/components/shell/sidebar";
import { Header } from "@/components/shell/header";
import { Toaster } from "@/components/ui/toaster";
import { currentUser } from "@/lib/server/session";

// Every console page needs a signed-in user; the session lives in the store, so this is dynamic.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return (
    <div className="flex min-h-screen">
      {/* The shell reads ?ns= and ?q= (useSearchParams): keep it inside a Suspense boundary. */}
      <Suspense fallback={<div className="w-56 shrink-0 border-r border-slate-200 dark:border-slate-800" />}>
        <Sidebar />
      </Suspense>
      <div className="flex min-w-0 flex-1 flex-col">
        <Suspense fallback={<div className="h-14 border-b border-slate-200 dark:border-slate-800" />}>
          <Header username={user.username} />
        </Suspense>
        <main className="flex-1 p-6">{children}</main>
      </div>
      <Toaster />
    </div>
  );
}
