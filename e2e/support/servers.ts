/** The app runs three times for the e2e tests, one build on three databases (see playwright.config.ts). */
// E2E_PORT_BASE lets two checkouts run their suites side by side without fighting over ports.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const SERVERS = {
  seeded: { port: base },
  empty: { port: base + 1 },
  broken: { port: base + 2 },
} as const;

export const serverUrl = (server: keyof typeof SERVERS) => `http://127.0.0.1:${SERVERS[server].port}`;
