import path from "node:path";

/** The accounts global setup creates in the seeded e2e database, one per role. */
export const E2E_USERS = {
  admin: { username: "e2e.admin", password: "e2e admin passphrase" },
  editor: { username: "e2e.editor", password: "e2e editor passphrase" },
  viewer: { username: "e2e.viewer", password: "e2e viewer passphrase" },
} as const;

export type E2eRole = keyof typeof E2E_USERS;

/** A Playwright storageState signed in as the role (see global-setup.ts); specs default to the admin's. */
export const storageStateOf = (role: E2eRole) => path.resolve("data", "e2e-auth", `${role}.json`);
