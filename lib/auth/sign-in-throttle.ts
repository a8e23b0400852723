/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins for one username within WINDOW_MS, that username
 * is refused without checking the password until the oldest failure leaves the window. It applies to any
 * username typed, existing or not, so its answer tells nothing about which accounts exist. The cost is that
 * anyone can lock an account for up to WINDOW_MS by failing on purpose; an operator can still sign in from the
 * shell (npm run users:create-admin) or wait. Kept in memory: one server process serves the dashboard.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

export class SignInThrottle {
  // Failure times per username, oldest first; a Map keeps insertion order, so the first key is the stalest.
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until `username` may try again; 0 when it may now. */
  retryAfter(username: string): number {
    const times = this.recent(username);
    return times.length < MAX_FAILURES ? 0 : times[0]! + WINDOW_MS - this.now();
  }

  recordFailure(username: string): void {
    const times = this.recent(username);
    times.push(this.now());
    this.failures.delete(username);
    this.failures.set(username, times);
    if (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(username: string): void {
    this.failures.delete(username);
  }

  private recent(username: string): number[] {
    const since = this.now() - WINDOW_MS;
    return (this.failures.get(username) ?? []).filter((time) => time > since);
  }
}

export function tooManyFailuresMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-ins for this username. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

// One throttle per server process (on globalThis, so dev hot reload keeps it).
const globalForThrottle = globalThis as unknown as { rallSignInThrottle?: SignInThrottle };
export const signInThrottle = (globalForThrottle.rallSignInThrottle ??= new SignInThrottle());
