import { ANONYMOUS, contextAs, cookieHeaderOf, serverActions, writeRoutes } from "./support/auth";
import { openE2eDatabase } from "./support/e2e-database";
import { expect, test } from "./support/test";
import { E2E_USERS } from "./support/users";

test.describe("anonymous visitors", () => {
  test.use({ storageState: ANONYMOUS });

  test("are sent to the sign-in page from any page, and back to it after signing in", async ({ page }) => {
    await page.goto("/runs?sort=accuracy");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns%3Fsort%3Daccuracy$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to RALL");
    // No sections to browse before signing in.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await page.getByLabel("Username").fill(E2E_USERS.editor.username.toUpperCase());
    await page.getByLabel("Password").fill(E2E_USERS.editor.password);
    await page.getByTestId("sign-in-submit").click();
    await expect(page).toHaveURL(/\/runs\?sort=accuracy$/);
    await expect(page.getByTestId("account-user")).toHaveText(E2E_USERS.editor.username);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    // Editors do not administer: no settings link.
    await expect(page.getByTestId("account").getByRole("link", { name: "Settings" })).toHaveCount(0);
  });

  test("a wrong password is refused with one message that does not say which part was wrong", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Username").fill(E2E_USERS.viewer.username);
    await page.getByLabel("Password").fill("not the passphrase");
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("form-error")).toHaveText("That username and password do not match an active account.");
    await expect(page.getByLabel("Username")).toHaveValue(E2E_USERS.viewer.username);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await page.getByLabel("Username").fill("nobody.at.all");
    await page.getByLabel("Password").fill(E2E_USERS.viewer.password);
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("form-error")).toHaveText("That username and password do not match an active account.");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("after five failed sign-ins a username is refused for a while, whatever the password", async ({ page }) => {
    // A username of its own (it need not exist: the throttle says nothing about which accounts do).
    const username = `throttled-${Date.now()}`;
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password").fill(`wrong guess ${attempt}`);
      await page.getByTestId("sign-in-submit").click();
      await expect(page.getByTestId("form-error")).toHaveText("That username and password do not match an active account.");
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
    await page.getByLabel("Username").fill(username.toUpperCase());
    await page.getByLabel("Password").fill("wrong guess 6");
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("form-error")).toHaveText("Too many failed sign-ins for this username. Try again in 15 minutes.");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("signing out ends the session: the old cookie no longer opens anything", async ({ page, context }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Username").fill(E2E_USERS.viewer.username);
    await page.getByLabel("Password").fill(E2E_USERS.viewer.password);
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("account-user")).toHaveText(E2E_USERS.viewer.username);
    const cookie = (await context.cookies()).find((c) => c.name === "rall_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/sign-in$/);
    // Replaying the copied cookie: the session row is gone, so the page sends it to sign in again.
    await context.addCookies([cookie]);
    await page.goto("/telemetry");
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  });
});

test.describe("viewers", () => {
  test("see the pages but not the register-run and close-A/B forms", async ({ browser }) => {
    const context = await contextAs(browser, "viewer");
    const page = await context.newPage();
    await page.goto("/runs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Runs");
    await page.goto("/runs/new");
    await expect(page.getByTestId("read-only-notice")).toContainText("not register runs");
    await expect(page.getByTestId("register-run-form")).toHaveCount(0);
    const db = openE2eDatabase();
    const running = db.prepare("SELECT id FROM ab_test_results WHERE status = 'running' LIMIT 1").pluck().get() as string;
    db.close();
    await page.goto(`/ab-tests/${running}`);
    await expect(page.getByTestId("close-card").getByTestId("read-only-notice")).toContainText("not close A/B tests");
    await expect(page.getByTestId("close-form")).toHaveCount(0);
    await expect(page.getByTestId("refresh-submit")).toHaveCount(0);
    // Nor any other write form: labelling predictions, recomputing, the privacy actions.
    await page.goto("/predictions");
    await expect(page.getByTestId("verdict").first()).toBeVisible();
    await expect(page.getByTestId("label-form")).toHaveCount(0);
    await expect(page.getByTestId("csv-upload")).toHaveCount(0);
    await page.goto("/privacy");
    await expect(page.getByTestId("audit-submit")).toHaveCount(0);
    await expect(page.getByTestId("erasure-card")).toContainText("Only admins can do this");
    await context.close();
  });
});

test.describe("every write is refused to anonymous callers (401) and viewers (403)", () => {
  const actions = serverActions();

  test("the build's server actions are all listed", () => {
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["registerRunAction", "closeAbTestAction", "createApiKeyAction", "signInAction"]));
  });

  test("each server action, posted raw", async ({ playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
    for (const action of actions) {
      const post = (cookie?: string) =>
        anonymous.post("/runs", { headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", ...(cookie ? { Cookie: cookie } : {}) }, data: "[]", maxRedirects: 0 });
      expect((await post()).status(), `${action.name} anonymous`).toBe(401);
      expect((await post(cookieHeaderOf("viewer"))).status(), `${action.name} as viewer`).toBe(403);
    }
    await anonymous.dispose();
  });

  test("each write route handler, requested raw", async ({ request }) => {
    // POST /sign-out only ends the caller's own session (see lib/auth/route-protection.test.ts).
    const routes = writeRoutes().filter(([, path]) => path !== "/sign-out");
    expect(routes).toContainEqual(["POST", "/api/telemetry/sessions"]);
    for (const [method, path] of routes) {
      const send = (headers: Record<string, string>) => request.fetch(path, { method, headers: { "Content-Type": "application/json", Cookie: "", ...headers }, data: "{}" });
      const anonymous = await send({});
      expect(anonymous.status(), `${method} ${path} anonymous`).toBe(401);
      expect(anonymous.headers()["www-authenticate"]).toMatch(/^Bearer /);
      expect((await send({ Cookie: cookieHeaderOf("viewer") })).status(), `${method} ${path} as viewer`).toBe(403);
    }
  });

  test("an editor's raw call of an admin action passes the proxy but is refused by the action itself", async ({ page, playwright }) => {
    const editor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
    const revoke = serverActions().find((a) => a.name === "revokeApiKeyAction")!;
    await page.goto("/settings/api-keys");
    await page.getByLabel("Name").fill("e2e editor cannot revoke");
    await page.getByTestId("create-key-submit").click();
    await expect(page.getByTestId("new-key")).toBeVisible();
    const db = openE2eDatabase();
    const id = db.prepare("SELECT id FROM api_keys WHERE name = 'e2e editor cannot revoke'").pluck().get() as string;
    const response = await editor.post("/settings/api-keys", {
      headers: { "Next-Action": revoke.id, "Content-Type": "text/plain;charset=UTF-8", Cookie: cookieHeaderOf("editor") },
      data: JSON.stringify([id]),
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Only admins can do this");
    expect(db.prepare("SELECT revoked_at FROM api_keys WHERE id = ?").pluck().get(id)).toBeNull();
    db.close();
    await editor.dispose();
  });
});
