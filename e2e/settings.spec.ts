import { ANONYMOUS, contextAs } from "./support/auth";
import { openE2eDatabase } from "./support/e2e-database";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";
import { E2E_USERS } from "./support/users";

const EXPORT = "/api/v1/export/training-data?format=jsonl&days=1";

test.describe("API keys", () => {
  test("an admin creates a key that is shown once, works with the API, and is refused once revoked", async ({ page, playwright }) => {
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
    await page.getByTestId("create-key-submit").click();
    await expect(page.getByTestId("error-name")).toContainText("Name the key");

    await page.getByLabel("Name").fill("e2e notebook");
    await page.getByLabel("Scope").selectOption("read");
    await page.getByTestId("create-key-submit").click();
    const key = (await page.getByTestId("new-key-value").textContent())!;
    expect(key).toMatch(/^rall_[A-Za-z0-9_-]{43}$/);
    const row = page.locator('[data-testid="api-key-row"][data-key-name="e2e notebook"]');
    await expect(row).toContainText(`${key.slice(0, 12)}…`);
    await expect(row).toContainText(E2E_USERS.admin.username);
    await expect(row).toContainText("never");
    await page.screenshot({ path: "screenshots/settings-api-keys-new-key-light.png", fullPage: true });

    const api = await playwright.request.newContext({ baseURL: serverUrl("seeded"), storageState: ANONYMOUS });
    const withKey = { headers: { Authorization: `Bearer ${key}` } };
    expect((await api.get(EXPORT, withKey)).status()).toBe(200);
    expect((await api.post("/api/telemetry/sessions", { ...withKey, data: {} })).status()).toBe(403);
    expect((await api.get(EXPORT)).status()).toBe(401);

    // Shown once: after a reload only the prefix is left, and the database holds only the hash.
    await page.reload();
    await expect(page.getByTestId("new-key")).toHaveCount(0);
    await expect(page.getByText(key)).toHaveCount(0);
    await expect(row).not.toContainText("never");
    const db = openE2eDatabase();
    expect(JSON.stringify(db.prepare("SELECT * FROM api_keys").all())).not.toContain(key);
    db.close();

    await row.getByRole("button", { name: "Revoke e2e notebook" }).click();
    await row.getByRole("button", { name: "Cancel" }).click();
    expect((await api.get(EXPORT, withKey)).status()).toBe(200);
    await row.getByRole("button", { name: "Revoke e2e notebook" }).click();
    await row.getByRole("button", { name: "Revoke e2e notebook for good" }).click();
    await expect(row).toContainText("Revoked");
    const revoked = await api.get(EXPORT, withKey);
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()) as unknown).toEqual({ error: "The API key is not valid or has been revoked." });
    await api.dispose();
  });

  test("settings are for admins: an editor gets the admins-only page and no settings link", async ({ browser }) => {
    const context = await contextAs(browser, "editor");
    const page = await context.newPage();
    await page.goto("/settings/users");
    await expect(page.getByTestId("admins-only")).toBeVisible();
    await expect(page.getByTestId("users")).toHaveCount(0);
    await context.close();
  });
});

test.describe("users", () => {
  test("an admin adds a viewer who can then sign in, and cannot demote themselves as the last admin", async ({ page, browser }) => {
    await page.goto("/settings/users");
    await page.getByLabel("Username").fill("e2e.newcomer");
    await page.getByLabel("Initial password").fill("short");
    await page.getByTestId("create-user-submit").click();
    await expect(page.getByTestId("error-password")).toContainText("at least 12 characters");
    await page.getByLabel("Initial password").fill("newcomer passphrase 1");
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByTestId("create-user-submit").click();
    await expect(page.getByTestId("create-user-done")).toContainText("Created e2e.newcomer as viewer.");
    await expect(page.locator('[data-testid="user-row"][data-username="e2e.newcomer"]')).toContainText("viewer");

    const me = page.locator(`[data-testid="user-row"][data-username="${E2E_USERS.admin.username}"]`);
    await me.getByLabel(`Role of ${E2E_USERS.admin.username}`).selectOption("editor");
    await me.getByRole("button", { name: "Change role" }).click();
    await expect(me.getByTestId("user-action-message")).toContainText("last active admin");
    await expect(me).toContainText("admin");

    const context = await browser.newContext({ storageState: ANONYMOUS });
    const newcomer = await context.newPage();
    await newcomer.goto("/sign-in");
    await newcomer.getByLabel("Username").fill("e2e.newcomer");
    await newcomer.getByLabel("Password").fill("newcomer passphrase 1");
    await newcomer.getByTestId("sign-in-submit").click();
    await expect(newcomer.getByTestId("account")).toContainText("viewer");

    // Disabling signs the newcomer out at once.
    const row = page.locator('[data-testid="user-row"][data-username="e2e.newcomer"]');
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row).toContainText("disabled");
    await newcomer.goto("/runs");
    await expect(newcomer).toHaveURL(/\/sign-in/);
    await context.close();
  });
});

test.describe("first run on an empty database", () => {
  test.use({ storageState: ANONYMOUS });

  test("leads to the one-time setup page, which creates the admin, signs them in, and then closes", async ({ page }) => {
    const fresh = serverUrl("fresh");
    await page.goto(`${fresh}/`);
    await expect(page).toHaveURL(`${fresh}/setup`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to RALL");
    await page.getByLabel("Username").fill("owner");
    await page.getByLabel("Password", { exact: true }).fill("owner");
    await page.getByLabel("Password again").fill("different");
    await page.getByTestId("setup-submit").click();
    await expect(page.getByTestId("error-password")).toContainText("at least 12 characters");
    await expect(page.getByTestId("error-confirm")).toContainText("The two passwords differ.");

    await page.getByLabel("Password", { exact: true }).fill("a long passphrase for setup");
    await page.getByLabel("Password again").fill("a long passphrase for setup");
    await page.getByTestId("setup-submit").click();
    await expect(page).toHaveURL(`${fresh}/`);
    await expect(page.getByTestId("account")).toContainText("owner");
    await expect(page.getByTestId("account")).toContainText("admin");

    await page.goto(`${fresh}/setup`);
    await expect(page).not.toHaveURL(/\/setup/);
    await page.context().clearCookies();
    await page.goto(`${fresh}/setup`);
    await expect(page).toHaveURL(`${fresh}/sign-in`);
  });
});
