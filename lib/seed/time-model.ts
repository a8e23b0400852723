import { DAY_MS } from "@/lib/time";
import { CLIENT_RELEASES } from "./catalog";

export const HOUR_MS = 3_600_000;

/**
 * When the demo's traffic happens: a daily curve (a global user base, busiest in European and American working
 * hours, UTC), a weekly one (weekdays busier than weekends) and mild growth over the window.
 */
const HOUR_WEIGHTS = [
  0.35, 0.3, 0.28, 0.3, 0.4, 0.55, 0.75, 0.95, 1.1, 1.2, 1.25, 1.2, 1.15, 1.2, 1.3, 1.35, 1.3, 1.2, 1.05, 0.9, 0.75, 0.6,
  0.5, 0.42,
];
const HOUR_WEIGHT_SUM = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
/** Sunday first, as Date#getUTCDay numbers them. */
const WEEKDAY_WEIGHTS = [0.58, 1.12, 1.18, 1.17, 1.12, 1.0, 0.62];

/** Incidents: hours when many queries failed (and ran slow), so error-rate charts have spikes to explain. */
export type Incident = { start: number; end: number; errorRate: number; category: string; latencyFactor: number };

const INCIDENT_PLAN = [
  { daysAgo: 83, hour: 11, hours: 11, errorRate: 0.5, category: "timeout", latencyFactor: 2.2 },
  { daysAgo: 47, hour: 8, hours: 10, errorRate: 0.55, category: "rate_limited", latencyFactor: 1.3 },
  { daysAgo: 12, hour: 12, hours: 11, errorRate: 0.45, category: "tool_failure", latencyFactor: 1.5 },
];

export type DaySlot = { date: string; start: number; end: number };

export class TimeModel {
  readonly anchor: number;
  readonly windowStart: number;
  readonly incidents: Incident[];
  /** When consent version 2.0 was published. */
  readonly consentV2Release: number;
  /** When feature extraction fv-2 replaced fv-1. */
  readonly fv2Rollout: number;

  constructor(anchor: number, days: number, fv1Days: number) {
    this.anchor = anchor;
    this.windowStart = anchor - days * DAY_MS;
    this.consentV2Release = anchor - 45 * DAY_MS;
    this.fv2Rollout = this.windowStart + fv1Days * DAY_MS;
    const anchorDay = Math.floor(anchor / DAY_MS) * DAY_MS;
    this.incidents = INCIDENT_PLAN.filter((i) => i.daysAgo < days).map((i) => {
      const start = anchorDay - i.daysAgo * DAY_MS + i.hour * HOUR_MS;
      return { start, end: start + i.hours * HOUR_MS, errorRate: i.errorRate, category: i.category, latencyFactor: i.latencyFactor };
    });
  }

  /** The UTC days that intersect [windowStart, anchor), each clipped to the window. */
  days(): DaySlot[] {
    const slots: DaySlot[] = [];
    for (let day = Math.floor(this.windowStart / DAY_MS) * DAY_MS; day < this.anchor; day += DAY_MS) {
      slots.push({
        date: new Date(day).toISOString().slice(0, 10),
        start: Math.max(day, this.windowStart),
        end: Math.min(day + DAY_MS, this.anchor),
      });
    }
    return slots;
  }

  /** Relative traffic of the hour starting at `hourStart` (before scaling to the size's session count). */
  hourWeight(hourStart: number): number {
    const date = new Date(hourStart);
    const growth = 0.8 + 0.45 * Math.min(1, Math.max(0, (hourStart - this.windowStart) / (this.anchor - this.windowStart)));
    return ((HOUR_WEIGHTS[date.getUTCHours()] as number) / HOUR_WEIGHT_SUM) * (WEEKDAY_WEIGHTS[date.getUTCDay()] as number) * growth;
  }

  /** The hours of a day slot with their overlap with the window: [hourStart, from, to]. */
  hoursOf(slot: DaySlot): { hourStart: number; from: number; to: number }[] {
    const hours: { hourStart: number; from: number; to: number }[] = [];
    for (let h = Math.floor(slot.start / HOUR_MS) * HOUR_MS; h < slot.end; h += HOUR_MS) {
      hours.push({ hourStart: h, from: Math.max(h, slot.start), to: Math.min(h + HOUR_MS, slot.end) });
    }
    return hours;
  }

  /** Sum of overlap-weighted hour weights over the whole window, to scale expected sessions per hour. */
  totalWeight(): number {
    let total = 0;
    for (const slot of this.days()) {
      for (const { hourStart, from, to } of this.hoursOf(slot)) total += this.hourWeight(hourStart) * ((to - from) / HOUR_MS);
    }
    return total;
  }

  incidentAt(t: number): Incident | null {
    for (const incident of this.incidents) if (t >= incident.start && t < incident.end) return incident;
    return null;
  }

  /** The client version someone runs at `t` when they upgrade `lagMs` after each release. */
  clientVersionAt(t: number, lagMs: number): string {
    let version = CLIENT_RELEASES[0]!.version;
    for (const release of CLIENT_RELEASES) if (this.anchor - release.daysAgo * DAY_MS + lagMs <= t) version = release.version;
    return version;
  }
}
