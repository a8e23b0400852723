/**
 * The app runs four times for the e2e tests, one build on four databases (see playwright.config.ts): the seeded
 * one with sign-in required (the product's real configuration), the empty and broken ones with RALL_AUTH=off so
 * their states are what is tested, and a fresh one with sign-in required for the first-admin setup.
 */
// E2E_PORT_BASE lets two checkouts run their suites side by side without fighting over ports.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const SERVERS = {
  seeded: { port: base },
  empty: { port: base + 1 },
  broken: { port: base + 2 },
  fresh: { port: base + 3 },
} as const;

export const serverUrl = (server: keyof typeof SERVERS) => `http://127.0.0.1:${SERVERS[server].port}`;
