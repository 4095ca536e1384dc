import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { getControlPlane, type ControlPlaneHandle } from "../server/handle";

/**
 * Server-component prefetching (TanStack's advanced SSR pattern): runs the loaders against the
 * in-process control plane with the same keys the client uses, and returns the dehydrated cache
 * for <HydrationBoundary>. A loader that fails is simply not prefetched: the client view then
 * fetches itself and shows the error state with the server's Status.
 */
export async function prefetch(loaders: { key: readonly unknown[]; load: (cp: ControlPlaneHandle) => Promise<unknown> }[]): Promise<DehydratedState> {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: false } } });
  const cp = getControlPlane();
  if (cp) await Promise.all(loaders.map((l) => client.prefetchQuery({ queryKey: l.key, queryFn: () => l.load(cp) })));
  return dehydrate(client);
}
