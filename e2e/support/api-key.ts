// STUB (issue 8, ingestion API branch): replaced at merge by the API-keys branch's real implementation, which
// creates a key with the given scope in the e2e database. Until apiV1 checks keys, any bearer value is accepted.
import type { ApiScope } from "../../lib/api/v1-handler";

/** An API key with `scope` for the seeded e2e server, sent as `Authorization: Bearer <key>`. */
export function e2eApiKey(scope: ApiScope): string {
  return `rall_e2e_stub_${scope}`;
}
