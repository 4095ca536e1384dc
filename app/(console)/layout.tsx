import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { Sidebar } from "@/components/shell/sidebar";
import { Header } from "@/components/shell/header";
import { currentUser } from "@/lib/server/session";

// Every console page needs a signed-in user; the session lives in the store, so this is dynamic.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return (
    <div className="flex min-h-screen">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <Header username={user.username} />
        <main className="flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
