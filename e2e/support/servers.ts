/** The app runs three times for the e2e tests, one build on three databases (see playwright.config.ts). */
export const SERVERS = {
  seeded: { port: 3100 },
  empty: { port: 3101 },
  broken: { port: 3102 },
} as const;

export const serverUrl = (server: keyof typeof SERVERS) => `http://127.0.0.1:${SERVERS[server].port}`;
