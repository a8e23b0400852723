import { describe, expect, it } from "vitest";
import { ibanChecksumIsValid, isValidIpv6, luhnIsValid } from "./pii-checks";
import { PII_CATEGORIES, placeholderFor, scrubPii } from "./scrub-pii";

/** The single finding in `text`, as [category, the matched text]. */
function only(text: string): [string, string] {
  const { findings } = scrubPii(text);
  expect(findings, `findings in ${JSON.stringify(text)}`).toHaveLength(1);
  const [finding] = findings;
  return [finding!.category, text.slice(finding!.start, finding!.end)];
}

function none(text: string): void {
  const { text: scrubbed, findings } = scrubPii(text);
  expect(findings, `findings in ${JSON.stringify(text)}`).toEqual([]);
  expect(scrubbed).toBe(text);
}

// Secret-looking test values are assembled from parts, so secret scanners do not flag this file.
const join = (...parts: string[]) => parts.join("");
const ALNUM_36 = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

type Case = { text: string; match: string };

const POSITIVE: Record<string, Case[]> = {
  email: [
    { text: "Ask jane.doe@example.com about the split", match: "jane.doe@example.com" },
    { text: "owner: ops+ml@data.example.co.uk.", match: "ops+ml@data.example.co.uk" },
    { text: "<J_Smith-2@sub.example.io>", match: "J_Smith-2@sub.example.io" },
  ],
  phone: [
    { text: "call +44 20 7946 0958 after 5", match: "+44 20 7946 0958" },
    { text: "US desk (555) 123-4567", match: "(555) 123-4567" },
    { text: "pager 555-123-4567.", match: "555-123-4567" },
    { text: "hotline 1-800-555-0199", match: "1-800-555-0199" },
    { text: "+1 (415) 555-2671 is on call", match: "+1 (415) 555-2671" },
    { text: "+14155552671", match: "+14155552671" },
    { text: "Berlin office +49 30 901820", match: "+49 30 901820" },
    { text: "Paris: +33 1 23 45 67 89", match: "+33 1 23 45 67 89" },
  ],
  credit_card: [
    // Published test numbers of the card networks; all pass the Luhn check.
    { text: "card 4111 1111 1111 1111 declined", match: "4111 1111 1111 1111" },
    { text: "mc 5555-5555-5555-4444", match: "5555-5555-5555-4444" },
    { text: "amex 378282246310005", match: "378282246310005" },
    { text: "discover 6011111111111117.", match: "6011111111111117" },
  ],
  iban: [
    // Examples from the SWIFT IBAN registry.
    { text: "refund to GB82 WEST 1234 5698 7654 32 today", match: "GB82 WEST 1234 5698 7654 32" },
    { text: "IBAN DE89370400440532013000", match: "DE89370400440532013000" },
    { text: "FR14 2004 1010 0505 0001 3M02 606 ACME", match: "FR14 2004 1010 0505 0001 3M02 606" },
    { text: "(NL91ABNA0417164300)", match: "NL91ABNA0417164300" },
  ],
  us_ssn: [
    { text: "SSN 123-45-6789 on file", match: "123-45-6789" },
    { text: "social security number: 123456789", match: "123456789" },
  ],
  ipv4: [
    { text: "from 203.0.113.42 at night", match: "203.0.113.42" },
    { text: "host 10.0.0.5:8080", match: "10.0.0.5" },
    { text: "subnet 192.168.1.0/24", match: "192.168.1.0" },
  ],
  ipv6: [
    { text: "client 2001:db8:85a3::8a2e:370:7334 retried", match: "2001:db8:85a3::8a2e:370:7334" },
    { text: "2001:0db8:0000:0000:0000:ff00:0042:8329", match: "2001:0db8:0000:0000:0000:ff00:0042:8329" },
    { text: "link-local fe80::1 only", match: "fe80::1" },
    { text: "mapped ::ffff:192.0.2.128", match: "::ffff:192.0.2.128" },
  ],
  home_path: [
    { text: "data in /home/alice/datasets/train.jsonl.", match: "/home/alice/datasets/train.jsonl" },
    { text: "cp /Users/bob.smith/Downloads/eval.csv .", match: "/Users/bob.smith/Downloads/eval.csv" },
    { text: "log at C:\\Users\\carol\\AppData\\run.log", match: "C:\\Users\\carol\\AppData\\run.log" },
    { text: "(see /home/dave)", match: "/home/dave" },
  ],
  aws_access_key: [{ text: join("aws ", "AKIA", "IOSFODNN7EXAMPLE", " leaked"), match: join("AKIA", "IOSFODNN7EXAMPLE") }],
  github_token: [
    { text: join("token ", "ghp_", ALNUM_36), match: join("ghp_", ALNUM_36) },
    { text: join("github_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuv"), match: join("github_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuv") },
  ],
  slack_token: [
    { text: join("bot ", "xoxb-", "1234567890-0987654321-AbCdEfGhIjKl"), match: join("xoxb-", "1234567890-0987654321-AbCdEfGhIjKl") },
    {
      text: join("hook https://hooks.slack.com/services/", "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
      match: join("https://hooks.slack.com/services/", "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
    },
  ],
  stripe_key: [
    { text: join("STRIPE=", "sk_", "live_", "4eC39HqLyjWDarjtT1zdp7dc"), match: join("sk_", "live_", "4eC39HqLyjWDarjtT1zdp7dc") },
    { text: join("pk_", "test_", "TYooMQauvdEDq54NiTphI7jx"), match: join("pk_", "test_", "TYooMQauvdEDq54NiTphI7jx") },
  ],
  jwt: [
    {
      // The example token of jwt.io.
      text: "Authorization header eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c seen",
      match: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    },
  ],
  private_key: [
    {
      text: join("key:\n-----BEGIN ", "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8\n-----END RSA ", "PRIVATE KEY-----\nthanks"),
      match: join("-----BEGIN ", "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8\n-----END RSA ", "PRIVATE KEY-----"),
    },
    {
      // Cut off before its END line: redacted up to the last base64 character.
      text: join("-----BEGIN ", "PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"),
      match: join("-----BEGIN ", "PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
    },
  ],
  url_credentials: [
    { text: "DATABASE_URL=postgres://admin:s3cr3t@db.internal:5432/rall", match: "postgres://admin:s3cr3t@db.internal:5432" },
    { text: "fetch https://bot:hunter2@example.com/data.csv.", match: "https://bot:hunter2@example.com" },
  ],
  secret: [
    { text: "password=hunter22 for the staging box", match: "hunter22" },
    { text: 'config {"api_key": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}', match: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
    { text: "DB_PASSWORD: 'correct horse battery'", match: "correct horse battery" },
    { text: "client_secret => 4c1e7c8a-2b8e-4e1f-9d7b-1a2b3c4d5e6f", match: "4c1e7c8a-2b8e-4e1f-9d7b-1a2b3c4d5e6f" },
    { text: "HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUv", match: "hf_AbCdEfGhIjKlMnOpQrStUv" },
    { text: "Authorization: Bearer abcDEF123456.ghiJKL789", match: "abcDEF123456.ghiJKL789" },
  ],
};

const NEGATIVE: Record<string, string[]> = {
  email: ["model@2.0.0 is the tag", "user@localhost has no domain", "an @mention and a lone @"],
  phone: [
    "accuracy +1.5 pts on 1,200 samples",
    "hidden sizes 128 256 1024",
    "+3 epochs",
    "ids 123-456-7890 (area codes never start with 1)",
    "timestamp 1732752000000",
  ],
  credit_card: [
    "4111 1111 1111 1112 fails the Luhn check",
    "5555555555554445",
    // Luhn-valid but no card network starts with 1: a millisecond timestamp.
    "epoch 1000000000009",
    "1234 5678 9012 3456",
  ],
  iban: [
    "GB82 WEST 1234 5698 7654 33 fails mod 97",
    "DE89370400440532013001",
    "XX89370400440532013000 has no such country",
    "GB82 WEST 1234 5698 765 is too short",
  ],
  us_ssn: ["000-12-3456 is never issued", "666-12-3456 is never issued", "2026-11-27", "123-00-4567"],
  ipv4: ["localhost:3000 and 127.0.0.1:8080", "version 1.2.3", "mask 255.255.255.0 and 0.0.0.0", "999.1.1.1", "1.2.3.4.5"],
  ipv6: ["at 10:15:30 UTC", "std::vector and dead::beef", "::1 and ::", "mac 00:1a:2b:3c:4d:5e", "ratio 3:2:1"],
  home_path: ["/home alone", "https://example.com/home/user/profile", "/Users/Shared/data.csv", "C:\\Users\\Public\\x.txt", "/homework/notes"],
  aws_access_key: ["AKIA-is-a-prefix", join("AKIA", "IOSFODNN7EXAMPL"), join("XAKIA", "IOSFODNN7EXAMPLE")],
  github_token: ["ghp_short", "the ghp_ prefix"],
  slack_token: ["xoxb-short", "https://hooks.slack.com/"],
  stripe_key: ["sk_live_short", "pk_prod_4eC39HqLyjWDarjtT1zdp7dc"],
  jwt: ["eyJ alone", "eyJhbGciOiJIUzI1NiJ9 without a payload"],
  private_key: ["-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh\n-----END PUBLIC KEY-----", "BEGIN PRIVATE KEY without dashes"],
  url_credentials: ["https://example.com/path?user=a", "ssh://git@github.com/org/repo", "http://localhost:3000/runs"],
  secret: [
    "max_tokens: 512",
    "token_count: 12",
    "author: Jane",
    "password: ***",
    "api_key=${OPENAI_API_KEY}",
    "secret: [SECRET]",
    "token: null",
    "tokenizer: bpe",
  ],
};

describe("scrubPii: each category, with published or hand-checked examples", () => {
  for (const [category, cases] of Object.entries(POSITIVE)) {
    for (const { text, match } of cases) {
      it(`flags ${category} in ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`, () => {
        expect(only(text)).toEqual([category, match]);
        expect(scrubPii(text).text).toBe(text.replace(match, placeholderFor(category)));
      });
    }
  }

  it("covers every category it declares", () => {
    expect(Object.keys(POSITIVE).sort()).toEqual(Object.keys(PII_CATEGORIES).sort());
    expect(Object.keys(NEGATIVE).sort()).toEqual(Object.keys(PII_CATEGORIES).sort());
  });
});

describe("scrubPii: look-alikes of each category are left alone", () => {
  for (const [category, texts] of Object.entries(NEGATIVE)) {
    for (const text of texts) {
      it(`${category}: ${JSON.stringify(text)}`, () => none(text));
    }
  }
});

describe("scrubPii: what ML notes are full of is never flagged", () => {
  it.each([
    ["semantic versions", "Upgraded 1.2.3 → 2.0.0-rc.1, then 2.0.0 and 1.0.0+build.5 (v3.10.12)"],
    ["UUIDs", "run 123e4567-e89b-12d3-a456-426614174000 and 00000000-0000-0000-0000-000000000000"],
    ["hex digests", "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, md5 5d41402abc4b2a76b9719d911017c592, commit 356a192b7913b04c54574d18c28d46e6395428ab"],
    ["ISO timestamps", "from 2026-11-27T10:15:30.123Z to 2026-11-28 08:00:00+01:00 (2026-11-29)"],
    ["model names", "gpt-4o-2024-08-06, claude-3-5-sonnet-20241022, llama-3.1-70b-instruct, all-MiniLM-L6-v2"],
    ["ports", "served on localhost:3000 and 0.0.0.0:8080, metrics at :9090"],
    ["latency figures", "p50 250 ms, p95 1200ms, p99 4,500 ms; 12.5 s cold start"],
    ["metrics and hyperparameters", "accuracy 0.9134, lr=3e-4, batch_size=256, dropout=0.1, F1 91.2% on 12,000 samples"],
    ["dates and counts", "trained 2026-11-20 on 1,234,567 rows in 3h 25m; seed 42; 10/11/2026"],
  ])("%s", (_, text) => none(text));
});

describe("scrubPii: findings and placeholders", () => {
  it("indexes the input, in text order, and replaces each finding with its upper-case category in brackets", () => {
    const text = "Mail a@b.co or call +44 20 7946 0958 from 203.0.113.9";
    const { text: scrubbed, findings } = scrubPii(text);
    expect(scrubbed).toBe("Mail [EMAIL] or call [PHONE] from [IPV4]");
    expect(findings).toEqual([
      { category: "email", start: 5, end: 11 },
      { category: "phone", start: 20, end: 36 },
      { category: "ipv4", start: 42, end: 53 },
    ]);
  });

  it("finds every occurrence, including repeats of the same value", () => {
    const { text, findings } = scrubPii("x@y.io, x@y.io; z@w.io");
    expect(text).toBe("[EMAIL], [EMAIL]; [EMAIL]");
    expect(findings.map((f) => f.start)).toEqual([0, 8, 16]);
  });

  it("leaves text without findings untouched, and is idempotent on its own output", () => {
    none("");
    none("Retrained on 30 more days of labelled queries.");
    const once = scrubPii("password=hunter22 jane@example.com /home/jane/x").text;
    expect(once).toBe("password=[SECRET] [EMAIL] [HOME_PATH]");
    none(once);
  });

  it("keeps the key of a key=value secret readable and redacts only its value", () => {
    expect(scrubPii('{"password": "pa55word", "epochs": 12}').text).toBe('{"password": "[SECRET]", "epochs": 12}');
  });
});

describe("scrubPii: overlapping matches are resolved deterministically", () => {
  it("longest wins: URL credentials over the email-shaped password@host inside them", () => {
    expect(only("postgres://admin:pw@db.example.com:5432/x")).toEqual(["url_credentials", "postgres://admin:pw@db.example.com:5432"]);
  });

  it("most specific wins on equal spans: a JWT or AWS key under a secret key is reported as the JWT or AWS key", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    expect(only(`token=${jwt}`)).toEqual(["jwt", jwt]);
    expect(only(join("aws_access_key_id = ", "AKIA", "IOSFODNN7EXAMPLE"))).toEqual(["aws_access_key", join("AKIA", "IOSFODNN7EXAMPLE")]);
    expect(only("password: 4111111111111111")).toEqual(["credit_card", "4111111111111111"]);
  });

  it("gives the same findings whatever the order of the text around them", () => {
    const a = scrubPii("id 4111 1111 1111 1111 / +1 (415) 555-2671").findings.map((f) => f.category);
    const b = scrubPii("+1 (415) 555-2671 / id 4111 1111 1111 1111").findings.map((f) => f.category);
    expect(a).toEqual(["credit_card", "phone"]);
    expect(b).toEqual(["phone", "credit_card"]);
  });

  it("never lets findings overlap", () => {
    const text = "x https://u:p@h.io jane@h.io 10.0.0.1 +1 555-123-4567 /home/u/a@b.co password=abc123 4111111111111111";
    const { findings } = scrubPii(text);
    for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
  });
});

describe("scrubPii: runs in linear-ish time on hostile input", () => {
  it.each([
    ["repeated at-signs", "a@".repeat(5000)],
    ["long digit runs", "1 ".repeat(5000)],
    ["long hex and colons", "ab:".repeat(5000)],
    ["many key-like words", "secret_token_key_".repeat(1000)],
  ])("%s", (_, text) => {
    const started = performance.now();
    scrubPii(text);
    // Catastrophic backtracking takes minutes here; a linear scan takes milliseconds, even on a busy machine.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("the issuers' checks", () => {
  it("Luhn: accepts the standard example 79927398713 and rejects its neighbours", () => {
    expect(luhnIsValid("79927398713")).toBe(true);
    expect(luhnIsValid("79927398710")).toBe(false);
    expect(luhnIsValid("79927398714")).toBe(false);
  });

  it("mod 97-10: accepts registry IBANs and rejects a changed digit", () => {
    expect(ibanChecksumIsValid("GB82WEST12345698765432")).toBe(true);
    expect(ibanChecksumIsValid("CH9300762011623852957")).toBe(true);
    expect(ibanChecksumIsValid("GB82WEST12345698765433")).toBe(false);
  });

  it("IPv6: RFC 4291 text forms", () => {
    expect(isValidIpv6("2001:db8::1")).toBe(true);
    expect(isValidIpv6("1:2:3:4:5:6:7:8")).toBe(true);
    expect(isValidIpv6("1:2:3:4:5:6:7")).toBe(false);
    expect(isValidIpv6("1::2::3")).toBe(false);
    expect(isValidIpv6("12345::1")).toBe(false);
    expect(isValidIpv6("0:0:0:0:0:0:0:1")).toBe(false);
  });
});
