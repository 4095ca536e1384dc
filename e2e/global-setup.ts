// Nothing to seed yet: each spec creates uniquely named objects. The data dir is a fresh temp dir
// per run (playwright.config.ts), so the server starts from an empty embedded store.
export default async function globalSetup(): Promise<void> {}
