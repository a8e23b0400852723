import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import { toNumber } from "@/lib/db/rows";

export type HyperparameterKey = { key: string; runs: number };

type Cached = { fingerprint: string; at: number; keys: HyperparameterKey[] };

const cache = new WeakMap<Queryable, Cached>();
const MAX_AGE_MS = 5 * 60_000;

/**
 * Every hyperparameter key any run has, most common first, with how many runs have it. Reading them means
 * parsing every run's JSON (about 0.1 s at 100K runs), so the result is kept until the runs change: the
 * fingerprint (run count and largest rowid) catches inserts and deletes in microseconds; an edit of an existing
 * run's hyperparameters shows after at most five minutes.
 */
export async function hyperparameterKeys(client: Queryable = db, now = Date.now()): Promise<HyperparameterKey[]> {
  const [state] = await client.$queryRaw<[{ runs: unknown; last: unknown }]>`
    SELECT (SELECT COUNT(*) FROM model_training_runs) AS runs, (SELECT MAX(rowid) FROM model_training_runs) AS last`;
  const fingerprint = `${String(state.runs)}/${String(state.last)}`;
  const cached = cache.get(client);
  if (cached && cached.fingerprint === fingerprint && now - cached.at < MAX_AGE_MS) return cached.keys;
  const rows = await client.$queryRaw<{ key: string; runs: unknown }[]>`
    SELECT j.key AS key, COUNT(*) AS runs
    FROM model_training_runs r, json_each(r.hyperparameters) j
    GROUP BY j.key
    ORDER BY runs DESC, j.key`;
  const keys = rows.map((row) => ({ key: row.key, runs: toNumber(row.runs) }));
  cache.set(client, { fingerprint, at: now, keys });
  return keys;
}
