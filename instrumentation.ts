// Next.js start-up hook. Under `npm start` the control plane is already running (lib/server/main.ts
// starts it before Next); under `next dev` this starts it, once, in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getControlPlane } = await import("./lib/server/handle");
  if (getControlPlane()) return;
  const guard = globalThis as { __flotillaBooting?: boolean };
  if (guard.__flotillaBooting) return;
  guard.__flotillaBooting = true;
  const [{ loadConfig }, { createLogger }, { startControlPlane }] = await Promise.all([
    import("./lib/server/config"),
    import("./lib/server/logger"),
    import("./lib/server/control-plane"),
  ]);
  const config = loadConfig();
  await startControlPlane(config, createLogger(config.logLevel, { component: "flotilla" }));
}
