import type Database from "better-sqlite3";
import { parquetReadObjects } from "hyparquet";
import { openE2eDatabase } from "./support/e2e-database";
import { serverUrl } from "./support/servers";
import { expect, test } from "./support/test";

let db: Database.Database;
test.beforeAll(() => {
  db = openE2eDatabase();
});
test.afterAll(() => db.close());

/** Brute-force cosine ranking straight from the database, in plain JS (not lib/features). */
function bruteForceNeighbours(queryId: string, k: number): string[] {
  const probe = db
    .prepare("SELECT embedding, embedding_model AS model FROM feature_vectors WHERE query_id = ? ORDER BY computed_at DESC, id DESC LIMIT 1")
    .get(queryId) as { embedding: string; model: string };
  const p = JSON.parse(probe.embedding) as number[];
  const pn = Math.sqrt(p.reduce((s, x) => s + x * x, 0));
  const best = new Map<string, number>();
  for (const row of db.prepare("SELECT query_id AS q, embedding FROM feature_vectors WHERE embedding_model = ?").iterate(probe.model) as Iterable<{ q: string; embedding: string }>) {
    if (row.q === queryId) continue;
    const v = JSON.parse(row.embedding) as number[];
    let dot = 0;
    let vn = 0;
    for (let j = 0; j < v.length; j++) {
      dot += v[j]! * p[j]!;
      vn += v[j]! * v[j]!;
    }
    const cosine = dot / (Math.sqrt(vn) * pn);
    if (cosine > (best.get(row.q) ?? -Infinity)) best.set(row.q, cosine);
  }
  return [...best.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([q]) => q);
}

test.describe("features page", () => {
  test("names the method and ranks every feature of the features JSON", async ({ page }) => {
    await page.goto("/features");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Features");
    await expect(page.getByText("mutual information", { exact: true })).toBeVisible();
    const keys = db.prepare("SELECT DISTINCT j.key FROM feature_vectors, json_each(feature_vectors.features) j ORDER BY 1").pluck().all() as string[];
    const listed = await page.getByTestId("importance-table").locator("tbody th").allTextContents();
    expect([...listed].sort()).toEqual(keys);
    // Ranked by I(feature; label), highest first.
    const bits = (await page.getByTestId("importance-table").locator("tbody tr td:nth-child(5)").allTextContents()).map((t) => Number.parseFloat(t));
    expect(bits).toEqual([...bits].sort((a, b) => b - a));
  });

  test("quality by profile counts each profile's queries, with intervals", async ({ page }) => {
    await page.goto("/features");
    const expected = db
      .prepare("SELECT json_extract(features, '$.profile') AS profile, COUNT(*) AS n FROM feature_vectors GROUP BY 1 ORDER BY 1")
      .all() as { profile: string; n: number }[];
    const rows = page.getByTestId("quality-by-profile").locator("tbody tr");
    await expect(rows).toHaveCount(expected.length);
    for (const [i, { profile, n }] of expected.entries()) {
      await expect(rows.nth(i).locator("th")).toHaveText(profile);
      await expect(rows.nth(i).locator("td").first()).toHaveText(n.toLocaleString("en-US"));
      await expect(rows.nth(i).locator("td").nth(1)).toContainText(/0\.\d{3} 0\.\d{3}–0\.\d{3}/);
    }
  });

  test("the similar-queries list equals a brute-force cosine ranking over the database", async ({ page }) => {
    const queryId = db.prepare("SELECT query_id FROM feature_vectors ORDER BY id LIMIT 1 OFFSET 37").pluck().get() as string;
    await page.goto(`/features?similar=${queryId}`);
    const listed = await page.getByTestId("similar-table").locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-query-id")));
    expect(listed).toEqual(bruteForceNeighbours(queryId, 10));
    // A neighbour opens its own neighbours.
    await page.getByTestId("similar-table").locator("tbody tr").first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`similar=${listed[0]}`));
    await expect(page.getByTestId("similar-table").locator("tbody tr")).toHaveCount(10);
  });

  test("an unknown query is answered with a clear message", async ({ page }) => {
    await page.goto("/features");
    await page.getByLabel("Query id or hash").fill("no-such-query");
    await page.getByRole("button", { name: "Find similar" }).click();
    await expect(page.locator("p[role=alert]")).toContainText('No query with the id or hash "no-such-query" has a feature vector');
    await expect(page.getByLabel("Query id or hash")).toHaveAttribute("aria-invalid", "true");
  });

  test("the download button exports the chosen filters", async ({ page }) => {
    await page.goto("/features");
    const form = page.getByTestId("export-form");
    await form.getByLabel("Format").selectOption("jsonl");
    await form.getByLabel("Labelled only").check();
    const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^training-data-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const text = await (await download.createReadStream()).toArray();
    const lines = Buffer.concat(text).toString("utf8").trim().split("\n");
    expect(lines.every((line) => JSON.parse(line).positive_label !== null)).toBe(true);
  });
});

test.describe("training-data export API", () => {
  const url = (query: string) => `/api/v1/export/training-data?${query}`;

  test("CSV, JSONL and Parquet of the same filters hold the same rows; the count matches the database", async ({ request }) => {
    const filters = "days=3650&labelled=true&featureVersion=fv-2";
    const jsonl = await request.get(url(`format=jsonl&${filters}`));
    expect(jsonl.status()).toBe(200);
    expect(jsonl.headers()["content-type"]).toContain("application/x-ndjson");
    const rows = (await jsonl.text()).trim().split("\n").map((line) => JSON.parse(line));

    // Independently: labelled fv-2 vectors (each seeded query has one vector), labelled = any thumbs or rating.
    const expected = db
      .prepare(
        `SELECT COUNT(*) FROM feature_vectors fv WHERE fv.feature_version = 'fv-2' AND EXISTS (
           SELECT 1 FROM feedback f WHERE f.query_id = fv.query_id AND (f.feedback_type IN ('thumbs_up','thumbs_down') OR f.rating IS NOT NULL))`,
      )
      .pluck()
      .get() as number;
    expect(rows).toHaveLength(expected);

    const csv = await request.get(url(`format=csv&${filters}`));
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="training-data-.*\.csv"/);
    const csvLines = (await csv.text()).trim().split("\n");
    expect(csvLines).toHaveLength(expected + 1);
    const header = csvLines[0]!.split(",");
    const idColumn = header.indexOf("feature_vector_id");
    expect(csvLines.slice(1).map((line) => line.split(",")[idColumn])).toEqual(rows.map((row) => row.feature_vector_id));

    const parquet = await request.get(url(`format=parquet&${filters}`));
    expect(parquet.headers()["content-type"]).toBe("application/vnd.apache.parquet");
    const body = await parquet.body();
    const fromParquet = await parquetReadObjects({ file: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer });
    expect(fromParquet.map((row) => row.feature_vector_id)).toEqual(rows.map((row) => row.feature_vector_id));
    expect(fromParquet[0]!.embedding).toEqual(rows[0]!.embedding);
    expect(Number(fromParquet[0]!.positive_label)).toBe(rows[0]!.positive_label);
  });

  test("bad parameters are answered with 400 and each field's error", async ({ request }) => {
    const response = await request.get(url("format=xml&days=-3&labelled=perhaps"));
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["days", "format", "labelled"]);
    expect(body.fieldErrors.days).toEqual(["Days must be at least 1."]);
  });
});

test.describe("clusters page", () => {
  test("shows the latest clustering and its projection", async ({ page }) => {
    const latest = db.prepare("SELECT cluster_count AS k, cluster_sizes AS sizes FROM query_clusters ORDER BY computed_at DESC, id DESC LIMIT 1").get() as { k: number; sizes: string };
    await page.goto("/features/clusters");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Query clusters");
    await expect(page.getByTestId("cluster-count")).toHaveText(String(latest.k));
    const sizes = (JSON.parse(latest.sizes) as number[]).map((n) => n.toLocaleString("en-US"));
    await expect(page.getByTestId("clusters-table").locator("tbody tr td:nth-child(2)")).toHaveText(sizes);
    await expect(page.getByTestId("projection-chart").locator(".recharts-scatter-symbol").first()).toBeVisible();
  });

  test("a k out of range is refused beside the field and nothing is stored", async ({ page }) => {
    const before = db.prepare("SELECT COUNT(*) FROM query_clusters").pluck().get();
    await page.goto("/features/clusters");
    await page.getByLabel(/Clusters \(k/).fill("1");
    await page.getByRole("button", { name: "Recompute k-means" }).click();
    await expect(page.locator("p[role=alert]")).toHaveText("Choose at least 2 clusters.");
    await page.getByLabel(/Clusters \(k/).fill("2.5");
    await page.getByRole("button", { name: "Recompute k-means" }).click();
    await expect(page.locator("p[role=alert]")).toHaveText("The number of clusters must be a whole number.");
    expect(db.prepare("SELECT COUNT(*) FROM query_clusters").pluck().get()).toBe(before);
  });

  test("recomputing stores a new query_clusters row with the chosen k", async ({ page }) => {
    const before = db.prepare("SELECT MAX(id) FROM query_clusters").pluck().get() as number;
    await page.goto("/features/clusters");
    await page.getByLabel(/Clusters \(k/).fill("3");
    await page.getByRole("button", { name: "Recompute k-means" }).click();
    await expect(page).toHaveURL(/computed=\d+/, { timeout: 30_000 });
    const row = db.prepare("SELECT id, cluster_count AS k, json_array_length(cluster_sizes) AS n FROM query_clusters ORDER BY id DESC LIMIT 1").get() as { id: number; k: number; n: number };
    expect(row.id).toBeGreaterThan(before);
    expect([row.k, row.n]).toEqual([3, 3]);
    await expect(page.getByTestId("cluster-count")).toHaveText("3");
    await expect(page.getByTestId("clusters-table").locator("tbody tr")).toHaveCount(3);
  });
});

test.describe("on an empty database", () => {
  test("the features page says there are no vectors yet and how to get some", async ({ page }) => {
    await page.goto(`${serverUrl("empty")}/features`);
    await expect(page.getByTestId("no-feature-vectors")).toContainText("npm run db:seed -- --size demo");
  });

  test("the clusters page has nothing to show and recomputing says why", async ({ page }) => {
    await page.goto(`${serverUrl("empty")}/features/clusters`);
    await expect(page.getByTestId("no-clusters")).toBeVisible();
    await page.getByLabel(/Clusters \(k/).fill("4");
    await page.getByRole("button", { name: "Recompute k-means" }).click();
    await expect(page.locator("p[role=alert]")).toHaveText("There are no feature vectors to cluster yet.");
  });

  test("the export of an empty database is a header only", async ({ request }) => {
    const response = await request.get(`${serverUrl("empty")}/api/v1/export/training-data?format=csv`);
    expect(response.status()).toBe(200);
    expect((await response.text()).trim().split("\n")).toHaveLength(1);
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const size of [
    { name: "desktop", width: 1440, height: 1000 },
    { name: "narrow", width: 390, height: 844 },
  ]) {
    test(`features screenshots, ${colorScheme}, ${size.name}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      const queryId = db.prepare("SELECT query_id FROM feature_vectors ORDER BY id LIMIT 1").pluck().get() as string;
      for (const [url, name] of [
        [`/features?similar=${queryId}`, "features-similar"],
        ["/features/clusters", "features-clusters"],
      ] as const) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `screenshots/${name}-${colorScheme}-${size.name}.png`, fullPage: true });
      }
    });
  }
}
