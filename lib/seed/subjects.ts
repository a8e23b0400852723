import { hmacSha256Hex } from "@/lib/privacy/query-hash";
import { type Rng, WeightedTable } from "@/lib/random";
import { DAY_MS, toIsoTimestamp } from "@/lib/time";
import { OS_FAMILIES, PROFILE_WEIGHTS, type Profile } from "./catalog";
import type { ConsentRow } from "./rows";
import type { TimeModel } from "./time-model";
import { TOPICS } from "./topics";

/**
 * The people behind the sessions. A subject is known only by subject_id, an HMAC of a synthetic identifier, and
 * has a consent history: agreement to version 1.0 (or 2.0 for later arrivals), often a re-consent when 2.0 was
 * published, sometimes a change of sharing choices, and for a few a withdrawal of local telemetry, after which
 * ingestion refuses their data, so they have no sessions after it.
 */
export type Subject = {
  id: string;
  joinedAt: number;
  withdrawnAt: number | null;
  /** Relative activity (heavy-tailed: a few people make many sessions). */
  activity: number;
  os: string;
  preferredProfile: Profile;
  favouriteTopics: [number, number];
  /** How long after a client release this person upgrades. */
  upgradeLagMs: number;
};

const WITHDRAWAL_SHARE = 0.05;

function syntheticIp(rng: Rng): string {
  return `${rng.pick([10, 172, 192])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

export function generateSubjects(
  rng: Rng,
  count: number,
  time: TimeModel,
  key: Uint8Array,
): { subjects: Subject[]; consent: ConsentRow[] } {
  const subjects: Subject[] = [];
  const consent: ConsentRow[] = [];
  const osTable = new WeightedTable(OS_FAMILIES);
  const profileTable = new WeightedTable(PROFILE_WEIGHTS);
  const windowDays = (time.anchor - time.windowStart) / DAY_MS;

  for (let i = 0; i < count; i++) {
    const id = hmacSha256Hex(`person-${rng.seed}-${i}@users.example.invalid`, key);
    // 40% were already users when the window opened; later arrivals get denser over time (growth).
    const joinedAt = Math.round(
      rng.chance(0.4)
        ? time.windowStart - rng.float(1, 240) * DAY_MS
        : time.windowStart + Math.sqrt(rng.next()) * windowDays * DAY_MS * 0.97,
    );
    const from = Math.max(joinedAt, time.windowStart);
    const withdrawnAt = rng.chance(WITHDRAWAL_SHARE)
      ? Math.round(from + rng.float(0.15, 0.9) * (time.anchor - from))
      : null;
    const favourite = rng.int(0, TOPICS.length - 1);
    subjects.push({
      id,
      joinedAt,
      withdrawnAt,
      activity: rng.logNormal(1, 0.9),
      os: osTable.pick(rng),
      preferredProfile: profileTable.pick(rng),
      favouriteTopics: [favourite, (favourite + rng.int(1, TOPICS.length - 1)) % TOPICS.length],
      upgradeLagMs: Math.round(rng.exponential(6) * DAY_MS),
    });

    const ipHash = () => (rng.chance(0.9) ? hmacSha256Hex(syntheticIp(rng), key) : null);
    const row = (at: number, version: string, local: 0 | 1, aggregated: 0 | 1, community: 0 | 1): ConsentRow => ({
      id: rng.uuid(),
      subject_id: id,
      timestamp: toIsoTimestamp(at),
      local_telemetry: local,
      aggregated_sharing: aggregated,
      community_contribution: community,
      consent_version: version,
      ip_hash: ipHash(),
    });
    const end = Math.min(withdrawnAt ?? time.anchor, time.anchor);
    let version = joinedAt < time.consentV2Release ? "1.0" : "2.0";
    let aggregated: 0 | 1 = rng.chance(0.62) ? 1 : 0;
    let community: 0 | 1 = rng.chance(aggregated ? 0.45 : 0.1) ? 1 : 0;
    consent.push(row(joinedAt, version, 1, aggregated, community));

    if (version === "1.0" && rng.chance(0.75)) {
      const at = Math.round(Math.max(time.consentV2Release, joinedAt) + rng.exponential(6) * DAY_MS);
      if (at < end) {
        version = "2.0";
        if (rng.chance(0.15)) aggregated = aggregated ? 0 : 1;
        if (rng.chance(0.1)) community = community ? 0 : 1;
        consent.push(row(at, version, 1, aggregated, community));
      }
    }
    if (rng.chance(0.08)) {
      const at = Math.round(Math.max(joinedAt, time.windowStart) + rng.next() * (end - Math.max(joinedAt, time.windowStart)));
      const lastAt = consent[consent.length - 1]!.timestamp;
      if (at < end && toIsoTimestamp(at) > lastAt) {
        aggregated = aggregated ? 0 : 1;
        consent.push(row(at, version, 1, aggregated, aggregated ? community : 0));
      }
    }
    if (withdrawnAt !== null) {
      const lastAt = consent[consent.length - 1]!.timestamp;
      const at = toIsoTimestamp(withdrawnAt) > lastAt ? withdrawnAt : Date.parse(lastAt) + 1000;
      consent.push(row(at, version, 0, 0, 0));
      subjects[subjects.length - 1]!.withdrawnAt = at;
    }
  }
  return { subjects, consent };
}

/**
 * The subjects who may start a session during [dayStart, dayEnd): joined before the day, and (if they withdraw)
 * withdrawing more than a day after it ends, so no session of theirs, even a long one, outlives their consent.
 * Weighted by activity.
 */
export function activeSubjectsTable(subjects: readonly Subject[], dayStart: number, dayEnd: number): WeightedTable<Subject> | null {
  const entries: [Subject, number][] = [];
  for (const subject of subjects) {
    if (subject.joinedAt >= dayStart) continue;
    if (subject.withdrawnAt !== null && subject.withdrawnAt < dayEnd + DAY_MS) continue;
    entries.push([subject, subject.activity]);
  }
  return entries.length > 0 ? new WeightedTable(entries) : null;
}
