import { describe, expect, it } from "vitest";
import { MAX_FAILURES, SignInThrottle, tooManyFailuresMessage, WINDOW_MS } from "./sign-in-throttle";

function throttleAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, throttle: new SignInThrottle(() => clock.now) };
}

describe("SignInThrottle", () => {
  it("refuses a username after five failures in the window, until the oldest failure leaves it", () => {
    const { clock, throttle } = throttleAt();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      throttle.recordFailure("ana");
      clock.now += 60_000;
    }
    expect(throttle.retryAfter("ana")).toBe(0);
    throttle.recordFailure("ana");
    // The first failure was 4 minutes ago: 11 minutes to wait.
    expect(throttle.retryAfter("ana")).toBe(WINDOW_MS - 4 * 60_000);
    expect(throttle.retryAfter("bo")).toBe(0);
    clock.now += WINDOW_MS - 4 * 60_000;
    expect(throttle.retryAfter("ana")).toBe(0);
    // One more failure while four are still in the window locks it again until the next one leaves.
    throttle.recordFailure("ana");
    expect(throttle.retryAfter("ana")).toBe(60_000);
  });

  it("forgets a username's failures when it signs in", () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < MAX_FAILURES; i++) throttle.recordFailure("ana");
    expect(throttle.retryAfter("ana")).toBeGreaterThan(0);
    throttle.recordSuccess("ana");
    expect(throttle.retryAfter("ana")).toBe(0);
  });

  it("says how many minutes to wait, rounded up", () => {
    expect(tooManyFailuresMessage(WINDOW_MS)).toBe("Too many failed sign-ins for this username. Try again in 15 minutes.");
    expect(tooManyFailuresMessage(61_000)).toBe("Too many failed sign-ins for this username. Try again in 2 minutes.");
    expect(tooManyFailuresMessage(1_000)).toBe("Too many failed sign-ins for this username. Try again in 1 minute.");
  });
});
