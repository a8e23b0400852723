import type Database from "better-sqlite3";
import { openE2eDatabase } from "./support/e2e-database";
import { count } from "./support/expected";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

test("the telemetry page charts the latest 30 computed days and lists the v1 views", async ({ page }) => {
  const days = db.prepare("SELECT query_count FROM daily_aggregates ORDER BY date DESC LIMIT 30").pluck().all() as number[];
  const total = days.reduce((a, b) => a + b, 0);
  const tools = (db.prepare("SELECT COUNT(*) FROM v_tool_performance").pluck().get() as number);
  const thinktools = db.prepare("SELECT thinktool_name FROM v_thinktool_stats ORDER BY uses DESC, thinktool_name LIMIT 1").pluck().get() as string;

  await page.goto("/telemetry");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Telemetry");
  await expect(page.getByTestId("telemetry-total-queries")).toHaveText(count(total));
  for (const chart of ["telemetry-volume", "telemetry-latency", "telemetry-rates"]) {
    await expect(page.getByTestId(chart).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(page.getByTestId("telemetry-latency")).toContainText("p95");
  await expect(page.getByTestId("tool-performance").locator("tbody tr")).toHaveCount(tools);
  await expect(page.getByTestId("thinktool-stats").locator("tbody tr").first()).toContainText(thinktools);
  await expect(page.getByTestId("recent-sessions").locator("tbody tr")).toHaveCount(Math.min(15, db.prepare("SELECT COUNT(*) FROM v_recent_sessions").pluck().get() as number));
  const topType = db
    .prepare(
      `SELECT key FROM (SELECT j.key AS key, SUM(j.value) AS n FROM (SELECT * FROM daily_aggregates ORDER BY date DESC LIMIT 30) AS d,
         json_each(d.query_type_distribution) AS j GROUP BY j.key) ORDER BY n DESC, key LIMIT 1`,
    )
    .pluck()
    .get() as string;
  await expect(page.getByTestId("query-type-distribution").locator("li").first()).toContainText(topType);
});

test("recompute updates only changed days: a second press finds every day up to date", async ({ page }) => {
  await page.goto("/telemetry");
  await page.getByTestId("recompute-submit").click();
  await expect(page.getByTestId("recompute-status")).toContainText(/Recomputed|up to date/);
  await page.getByTestId("recompute-submit").click();
  const days = db.prepare("SELECT COUNT(*) FROM daily_aggregates").pluck().get() as number;
  await expect(page.getByTestId("recompute-status")).toHaveText(`All ${count(days)} days were up to date; nothing recomputed.`);
});

test("on an empty database the telemetry page says what to do", async ({ page }) => {
  await page.goto(`${serverUrl("empty")}/telemetry`);
  await expect(page.getByTestId("telemetry-empty")).toContainText("No daily aggregates yet");
  await page.getByTestId("recompute-submit").click();
  await expect(page.getByTestId("recompute-status")).toHaveText("All 0 days were up to date; nothing recomputed.");
});

test("ingestion refuses a session whose subject has not consented to local telemetry, and stores a consenting one", async ({ request }) => {
  const { randomUUID } = await import("node:crypto");
  const { default: Database } = await import("better-sqlite3");
  const { E2E_DATABASE_FILE } = await import("./support/e2e-database");
  const writer = new Database(E2E_DATABASE_FILE);
  writer.pragma("foreign_keys = ON");
  writer.pragma("busy_timeout = 5000");
  const subject = "9".repeat(64);
  const payload = () => ({
    session: { id: randomUUID(), subjectId: subject, startedAt: "2020-02-01T00:00:00.000Z" },
    queries: [{ id: randomUUID(), timestamp: "2020-02-01T00:00:01.000Z", text: "mail bob@example.com", latencyMs: 10, errorCategory: "refused by 198.51.100.4" }],
  });
  const consentId = randomUUID();
  try {
    const refused = await request.post("/api/telemetry/sessions", { data: payload() });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).message).toContain("has not consented to local telemetry");

    const invalid = await request.post("/api/telemetry/sessions", { data: { session: { id: "x" } } });
    expect(invalid.status()).toBe(400);
    expect(Object.keys((await invalid.json()).fieldErrors)).toContain("session.id");

    writer
      .prepare("INSERT INTO privacy_consent (id, subject_id, timestamp, local_telemetry, aggregated_sharing, community_contribution, consent_version) VALUES (?, ?, '2020-01-01T00:00:00.000Z', 1, 0, 0, 'e2e')")
      .run(consentId, subject);
    const body = payload();
    const stored = await request.post("/api/telemetry/sessions", { data: body });
    expect(stored.status()).toBe(201);
    expect(await stored.json()).toMatchObject({ ok: true, queries: 1, redactions: 1 });
    expect(writer.prepare("SELECT error_category FROM queries WHERE id = ?").pluck().get(body.queries[0]!.id)).toBe("refused by [IPV4]");
  } finally {
    writer.prepare("DELETE FROM redaction_log WHERE source_id IN (SELECT id FROM queries WHERE session_id IN (SELECT id FROM sessions WHERE subject_id = ?))").run(subject);
    writer.prepare("DELETE FROM sessions WHERE subject_id = ?").run(subject);
    writer.prepare("DELETE FROM privacy_consent WHERE subject_id = ?").run(subject);
    writer.close();
  }
});
