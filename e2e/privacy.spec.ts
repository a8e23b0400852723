import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DATABASE_FILE, openE2eDatabase } from "./support/e2e-database";
import { count } from "./support/expected";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

let db: Database.Database;
let writer: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
  writer = new Database(E2E_DATABASE_FILE);
  writer.pragma("foreign_keys = ON");
  writer.pragma("busy_timeout = 5000");
});
test.afterAll(() => {
  db.close();
  writer.close();
});

/** A session of this spec's own (dated 2020, outside every window other specs count), with a query and feedback. */
function createSession(): { sessionId: string; queryId: string } {
  const sessionId = randomUUID();
  const queryId = randomUUID();
  writer.prepare("INSERT INTO sessions (id, subject_id, started_at) VALUES (?, ?, '2020-01-01T00:00:00.000Z')").run(sessionId, "e".repeat(64));
  writer
    .prepare("INSERT INTO queries (id, session_id, timestamp, query_hash, query_length, latency_ms) VALUES (?, ?, '2020-01-01T00:00:01.000Z', ?, 5, 120)")
    .run(queryId, sessionId, "d".repeat(64));
  writer
    .prepare("INSERT INTO feedback (id, session_id, query_id, timestamp, feedback_type) VALUES (?, ?, ?, '2020-01-01T00:00:02.000Z', 'thumbs_up')")
    .run(randomUUID(), sessionId, queryId);
  return { sessionId, queryId };
}

test("consent, redaction log, retention and deletion requests reflect the database", async ({ page }) => {
  const subjects = db.prepare("SELECT COUNT(DISTINCT subject_id) FROM privacy_consent").pluck().get() as number;
  const redactions = db.prepare("SELECT COUNT(*) FROM redaction_log").pluck().get() as number;
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  await expect(page.getByTestId("consent-subjects")).toHaveText(count(subjects));
  await expect(page.getByTestId("redaction-card")).toContainText(`${count(redactions)} redactions`);
  await expect(page.getByTestId("retention-card").locator("tbody tr")).toHaveCount(9);
  await expect(page.getByTestId("retention-card").locator('tr[data-table="queries"]')).toContainText("90 days");
});

test("the redaction log filters its recent entries by pattern, in the URL", async ({ page }) => {
  const pattern = db.prepare("SELECT pattern_matched FROM redaction_log GROUP BY pattern_matched ORDER BY COUNT(*) ASC LIMIT 1").pluck().get() as string;
  await page.goto("/privacy");
  await page.getByTestId("redaction-card").getByRole("link", { name: pattern, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`pattern=${pattern}`));
  const rows = page.getByTestId("redaction-recent").locator("tbody tr");
  await expect(rows.first()).toContainText(pattern);
  const n = Math.min(25, db.prepare("SELECT COUNT(*) FROM redaction_log WHERE pattern_matched = ?").pluck().get(pattern) as number);
  await expect(rows).toHaveCount(n);
});

test("the PII audit finds the seeded database clean, and names the table and column of a planted email", async ({ page }) => {
  // Two full scans of every text value: on a busy machine each takes tens of seconds.
  test.slow();
  await page.goto("/privacy");
  await page.getByTestId("audit-submit").click();
  await expect(page.getByTestId("audit-status")).toContainText("Clean: no personal data or secrets", { timeout: 60_000 });

  const id = randomUUID();
  writer
    .prepare("INSERT INTO privacy_budget_ledger (id, released_at, budget, epsilon, mechanism, description) VALUES (?, '2020-01-01T00:00:00.000Z', 'e2e-audit', 0.1, 'laplace', ?)")
    .run(id, "mail jane.doe@example.com");
  try {
    await page.getByTestId("audit-submit").click();
    const hits = page.getByTestId("audit-hits");
    await expect(hits).toContainText("privacy_budget_ledger", { timeout: 60_000 });
    await expect(hits).toContainText("description");
    await expect(hits).toContainText("email");
    await expect(page.getByTestId("audit-status")).not.toContainText("jane.doe");
  } finally {
    writer.prepare("DELETE FROM privacy_budget_ledger WHERE id = ?").run(id);
  }
});

test("erasure refuses an incomplete form and an unknown session, beside the fields, and deletes nothing", async ({ page }) => {
  const before = db.prepare("SELECT COUNT(*) FROM deletion_requests").pluck().get() as number;
  await page.goto("/privacy");
  await page.getByTestId("erasure-submit").click();
  await expect(page.getByTestId("error-id")).toHaveText("Enter the session id or the subject hash.");
  await expect(page.getByTestId("error-confirm")).toContainText('Type "erase" to confirm');

  await page.getByLabel("Session id or subject hash").fill("no-such-session");
  await page.getByLabel('Type "erase" to confirm').fill("erase");
  await page.getByTestId("erasure-submit").click();
  await expect(page.getByTestId("error-id")).toHaveText("No session no-such-session.");

  await page.getByLabel("Erase", { exact: true }).selectOption("subject");
  await page.getByLabel("Session id or subject hash").fill("not-a-hash");
  await page.getByLabel('Type "erase" to confirm').fill("erase");
  await page.getByTestId("erasure-submit").click();
  await expect(page.getByTestId("error-id")).toContainText("64-character lower-case hex hash");
  expect(db.prepare("SELECT COUNT(*) FROM deletion_requests").pluck().get()).toBe(before);
});

test("access export downloads a session's data, and erasure then removes every row of it", async ({ page, request }) => {
  const { sessionId, queryId } = createSession();

  const exported = await request.get(`/privacy/access?scope=session&id=${sessionId}`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toContain("attachment");
  const body = (await exported.json()) as { sessions: { id: string }[]; queries: { id: string }[]; feedback: unknown[] };
  expect(body.sessions.map((s) => s.id)).toEqual([sessionId]);
  expect(body.queries.map((q) => q.id)).toEqual([queryId]);
  expect(body.feedback).toHaveLength(1);
  expect((await request.get("/privacy/access?scope=session")).status()).toBe(400);
  expect((await request.get("/privacy/access?scope=session&id=no-such-session")).status()).toBe(404);

  await page.goto("/privacy");
  await page.getByLabel("Session id or subject hash").fill(sessionId);
  await page.getByLabel('Type "erase" to confirm').fill("erase");
  await page.getByTestId("erasure-submit").click();
  await expect(page.getByTestId("erasure-status")).toContainText("Erased 3 rows about the session");
  await expect(page.getByTestId("erasure-status")).toContainText("queries: 1");
  expect(db.prepare("SELECT COUNT(*) FROM sessions WHERE id = ?").pluck().get(sessionId)).toBe(0);
  expect(db.prepare("SELECT COUNT(*) FROM queries WHERE id = ?").pluck().get(queryId)).toBe(0);
  const recorded = db.prepare("SELECT rows_deleted FROM deletion_requests ORDER BY requested_at DESC LIMIT 1").pluck().get() as string;
  expect(JSON.parse(recorded)).toMatchObject({ sessions: 1, queries: 1, feedback: 1 });
  await page.reload();
  await expect(page.getByTestId("deletion-requests").locator("tbody tr").first()).toContainText("session");
});

test("share aggregates validates ε, releases noisy figures, and refuses once the budget is spent", async ({ page }) => {
  await page.goto("/privacy");
  const form = page.getByTestId("share-form");
  await form.getByLabel("ε for this release").fill("0");
  await page.getByTestId("share-submit").click();
  await expect(page.getByTestId("error-epsilon")).toHaveText("ε must be greater than 0.");

  await form.getByLabel("ε for this release").fill("1");
  await form.getByLabel("Days (up to today, UTC)").fill("7");
  await page.getByTestId("share-submit").click();
  await expect(page.getByTestId("share-status")).toContainText("Released 7 days at ε = 1.");
  await expect(page.getByTestId("share-download")).toHaveAttribute("download", /rall-shared-aggregates-.*\.json/);

  // Spend what is left of the budget, then ask for more.
  const spent = db.prepare("SELECT COALESCE(SUM(epsilon), 0) FROM privacy_budget_ledger WHERE budget = 'shared_aggregates'").pluck().get() as number;
  const filler = randomUUID();
  writer
    .prepare("INSERT INTO privacy_budget_ledger (id, released_at, budget, epsilon, mechanism, description) VALUES (?, '2020-01-01T00:00:00.000Z', 'shared_aggregates', ?, 'laplace', 'e2e filler')")
    .run(filler, 10 - spent - 0.5);
  try {
    await form.getByLabel("ε for this release").fill("1");
    await page.getByTestId("share-submit").click();
    await expect(page.getByTestId("share-status")).toHaveText("Release refused: the privacy budget is spent.");
    await expect(page.getByTestId("error-epsilon")).toContainText("only ε = 0.5");
  } finally {
    writer.prepare("DELETE FROM privacy_budget_ledger WHERE id = ?").run(filler);
  }
});

test("on an empty database the privacy centre shows empty states", async ({ page }) => {
  await page.goto(`${serverUrl("empty")}/privacy`);
  await expect(page.getByTestId("consent-card")).toContainText("No consent recorded yet");
  await expect(page.getByTestId("redaction-card")).toContainText("Nothing has been redacted yet");
  await expect(page.getByTestId("deletion-requests")).toContainText("No erasure has been requested yet");
  await expect(page.getByTestId("retention-total")).toHaveText("0");
});
