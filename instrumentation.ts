import { authEnabled } from "@/lib/auth/auth-mode";

/** At server start: an unknown RALL_AUTH value stops the server here, loudly, instead of on the first request. */
export function register() {
  const on = authEnabled();
  console.log(`RALL_AUTH: sign-in ${on ? "required" : "NOT required (RALL_AUTH=off): the dashboard is open to anyone who can reach it"}.`);
}
