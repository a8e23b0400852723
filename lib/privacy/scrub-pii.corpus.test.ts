import { describe, expect, it } from "vitest";
import { PII_CATEGORIES, scrubPii } from "./scrub-pii";

/**
 * A labelled corpus in the shape outside checkers use: sentences as they appear in ML notes, tickets and logs,
 * each with the exact PII spans a careful human would mark. The scrubber is scored per category, a finding
 * counting as a true positive only when its category and its exact text both match a label.
 *
 * Decisions the labels encode:
 * - A dotted quad after a version word ("version 1.2.3.4", "build 10.0.19041.1") is a version, not an IPv4.
 * - Space-separated US numbers ("415 555 2671") and national numbers ("020 7946 0958") are phones only after a
 *   phone word or a +1; alone they read as three counts.
 * - A Luhn-valid 16-digit number with a card network's prefix is a card even when called an "order" number:
 *   issuers' checks are what we can verify, the word before is not.
 */

// Secret-looking test values are assembled from parts, so secret scanners do not flag this file.
const join = (...parts: string[]) => parts.join("");

type Label = [category: string, value: string];
type Item = { text: string; labels: Label[] };

const one = (text: string, category: string, value: string): Item => ({ text, labels: [[category, value]] });

const POSITIVES: Item[] = [
  // email
  one("Ping jane.doe@example.com for the eval set", "email", "jane.doe@example.com"),
  one("Contact: John.Smith@Example.COM.", "email", "John.Smith@Example.COM"),
  one("email me at a_b-c@mail-server.co.jp!", "email", "a_b-c@mail-server.co.jp"),
  one("mailto:bob@example.org", "email", "bob@example.org"),
  one('{"owner":"ml-team+alerts@corp.example.io"}', "email", "ml-team+alerts@corp.example.io"),
  one("reported by <o'neil@example.ie>", "email", "o'neil@example.ie"),
  one("cc: priya.k@uni.example.ac.in, thanks", "email", "priya.k@uni.example.ac.in"),
  one("user=first.last@sub.domain.example.travel", "email", "first.last@sub.domain.example.travel"),
  one("(x123@example.net)", "email", "x123@example.net"),
  one("EMAIL: SUPPORT@EXAMPLE.COM", "email", "SUPPORT@EXAMPLE.COM"),
  one("'jane@x.io' was quoted", "email", "jane@x.io"),
  // phone
  one("call +44 20 7946 0958 now", "phone", "+44 20 7946 0958"),
  one("Berlin: +49 30 901820", "phone", "+49 30 901820"),
  one("US desk (415) 555-2671", "phone", "(415) 555-2671"),
  one("dial 415.555.2671 for on-call", "phone", "415.555.2671"),
  one("pager 415-555-2671.", "phone", "415-555-2671"),
  one("phone 202 555 0173", "phone", "202 555 0173"),
  one("Tel. +1-202-555-0173", "phone", "+1-202-555-0173"),
  one("(202)555-0173 is the lab", "phone", "(202)555-0173"),
  one("+1 415 555 2671 after 6pm", "phone", "+1 415 555 2671"),
  one("Sydney +61 2 9876 5432", "phone", "+61 2 9876 5432"),
  one("+91 98765 43210 (mobile)", "phone", "+91 98765 43210"),
  one("Tokyo office +81 3-1234-5678", "phone", "+81 3-1234-5678"),
  one("tel: 0044 20 7946 0958", "phone", "0044 20 7946 0958"),
  one("call 020 7946 0958", "phone", "020 7946 0958"),
  one("mobile: 07700 900123", "phone", "07700 900123"),
  one("+442079460958", "phone", "+442079460958"),
  one("(020) 7946 0958 office", "phone", "(020) 7946 0958"),
  one("phone number is 4155552671", "phone", "4155552671"),
  one("my number is (415) 555 2671", "phone", "(415) 555 2671"),
  one("cell: 415-555-2671", "phone", "415-555-2671"),
  one("call 001 415 555 2671", "phone", "001 415 555 2671"),
  one("+353 1 234 5678", "phone", "+353 1 234 5678"),
  one("hotline 1-800-555-0199", "phone", "1-800-555-0199"),
  one("Paris: +33 1 23 45 67 89", "phone", "+33 1 23 45 67 89"),
  // credit_card
  one("card 4111 1111 1111 1111 declined", "credit_card", "4111 1111 1111 1111"),
  one("card 4111-1111-1111-1111", "credit_card", "4111-1111-1111-1111"),
  one("visa 4012888888881881 on file", "credit_card", "4012888888881881"),
  one("mc 5555-5555-5555-4444", "credit_card", "5555-5555-5555-4444"),
  one("mastercard 2223 0031 2200 3222", "credit_card", "2223 0031 2200 3222"),
  one("amex 3714 496353 98431", "credit_card", "3714 496353 98431"),
  one("amex 378282246310005", "credit_card", "378282246310005"),
  one("discover 6011111111111117.", "credit_card", "6011111111111117"),
  one("jcb 3530 1113 3330 0000", "credit_card", "3530 1113 3330 0000"),
  one("diners 3056 9309 0259 04", "credit_card", "3056 9309 0259 04"),
  one('{"pan":"5105105105105100"}', "credit_card", "5105105105105100"),
  // iban
  one("refund to GB82 WEST 1234 5698 7654 32 today", "iban", "GB82 WEST 1234 5698 7654 32"),
  one("IBAN DE89 3704 0044 0532 0130 00", "iban", "DE89 3704 0044 0532 0130 00"),
  one("IBAN: DE89370400440532013000", "iban", "DE89370400440532013000"),
  one("GB29 NWBK 6016 1331 9268 19 is the account", "iban", "GB29 NWBK 6016 1331 9268 19"),
  one("ES91 2100 0418 4502 0005 1332", "iban", "ES91 2100 0418 4502 0005 1332"),
  one("pay (NL91ABNA0417164300)", "iban", "NL91ABNA0417164300"),
  one("CH93 0076 2011 6238 5295 7 swiss", "iban", "CH93 0076 2011 6238 5295 7"),
  one("FR14 2004 1010 0505 0001 3M02 606", "iban", "FR14 2004 1010 0505 0001 3M02 606"),
  // us_ssn
  one("SSN 123-45-6789 on file", "us_ssn", "123-45-6789"),
  one("ssn: 078-05-1120", "us_ssn", "078-05-1120"),
  one("my ssn is 219-09-9999", "us_ssn", "219-09-9999"),
  one("social security number: 123456789", "us_ssn", "123456789"),
  one('{"ssn":"536-90-4399"}', "us_ssn", "536-90-4399"),
  one("SSN: 123 45 6789", "us_ssn", "123 45 6789"),
  one("SSN#123-45-6789", "us_ssn", "123-45-6789"),
  // ipv4
  one("from 203.0.113.42 at night", "ipv4", "203.0.113.42"),
  one("host 10.0.0.5:8080", "ipv4", "10.0.0.5"),
  one("ip=10.1.2.3;", "ipv4", "10.1.2.3"),
  one("server 172.16.254.1:443", "ipv4", "172.16.254.1"),
  one("resolver 8.8.8.8", "ipv4", "8.8.8.8"),
  one("subnet 192.168.1.0/24", "ipv4", "192.168.1.0"),
  one("X-Forwarded-For: 198.51.100.7", "ipv4", "198.51.100.7"),
  one("(client 100.64.12.9)", "ipv4", "100.64.12.9"),
  // ipv6
  one("client 2001:db8:85a3::8a2e:370:7334 retried", "ipv6", "2001:db8:85a3::8a2e:370:7334"),
  one("IPv6 2001:DB8:0:0:8:800:200C:417A here", "ipv6", "2001:DB8:0:0:8:800:200C:417A"),
  one("ip fe80::1ff:fe23:4567:890a", "ipv6", "fe80::1ff:fe23:4567:890a"),
  one("addr 2001:db8::ff00:42:8329", "ipv6", "2001:db8::ff00:42:8329"),
  one("mapped ::ffff:192.0.2.128", "ipv6", "::ffff:192.0.2.128"),
  one("[2001:db8::1]:8080", "ipv6", "2001:db8::1"),
  one("2001:0db8:0000:0000:0000:ff00:0042:8329", "ipv6", "2001:0db8:0000:0000:0000:ff00:0042:8329"),
  one("link-local fe80::1 only", "ipv6", "fe80::1"),
  // home_path
  one("data in /home/alice/datasets/train.jsonl.", "home_path", "/home/alice/datasets/train.jsonl"),
  one("cp /Users/bob.smith/Downloads/eval.csv .", "home_path", "/Users/bob.smith/Downloads/eval.csv"),
  one("log at C:\\Users\\carol\\AppData\\run.log", "home_path", "C:\\Users\\carol\\AppData\\run.log"),
  one("C:/Users/bob/AppData/Local", "home_path", "C:/Users/bob/AppData/Local"),
  one("see ~alice/projects/rall", "home_path", "~alice/projects/rall"),
  one("(see /home/dave)", "home_path", "/home/dave"),
  one("cache in /Users/alice/Library/Caches", "home_path", "/Users/alice/Library/Caches"),
  // secrets of known issuers
  one(join("aws ", "AKIA", "IOSFODNN7EXAMPLE", " leaked"), "aws_access_key", join("AKIA", "IOSFODNN7EXAMPLE")),
  one(join("creds ", "ASIA", "Y34FZKBOKMUTVV7A"), "aws_access_key", join("ASIA", "Y34FZKBOKMUTVV7A")),
  one(join("token ", "ghp_", "16C7e42F292c6912E7710c838347Ae178B4a"), "github_token", join("ghp_", "16C7e42F292c6912E7710c838347Ae178B4a")),
  one(join("ghs_", "16C7e42F292c6912E7710c838347Ae178B4a"), "github_token", join("ghs_", "16C7e42F292c6912E7710c838347Ae178B4a")),
  one(join("pat ", "github_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuv"), "github_token", join("github_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuv")),
  one(join("bot ", "xoxb-", "1234567890-0987654321-AbCdEfGhIjKl"), "slack_token", join("xoxb-", "1234567890-0987654321-AbCdEfGhIjKl")),
  one(join("xoxp-", "1234567890-1234567890-1234567890-abcdef0123456789"), "slack_token", join("xoxp-", "1234567890-1234567890-1234567890-abcdef0123456789")),
  one(join("app ", "xapp-", "1-A0123456789-1234567890123-abcdef"), "slack_token", join("xapp-", "1-A0123456789-1234567890123-abcdef")),
  one(join("STRIPE=", "sk_", "live_", "51HxYzAbCdEfGhIjKlMnOpQr"), "stripe_key", join("sk_", "live_", "51HxYzAbCdEfGhIjKlMnOpQr")),
  one(join("restricted ", "rk_", "live_", "51HxYzAbCdEfGhIjKlMnOpQr"), "stripe_key", join("rk_", "live_", "51HxYzAbCdEfGhIjKlMnOpQr")),
  one(join("pk_", "test_", "TYooMQauvdEDq54NiTphI7jx"), "stripe_key", join("pk_", "test_", "TYooMQauvdEDq54NiTphI7jx")),
  one(
    "jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c seen",
    "jwt",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  ),
  one("JWT eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUuY29tIn0.abc_DEF-123", "jwt", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUuY29tIn0.abc_DEF-123"),
  one(
    join("key:\n-----BEGIN ", "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8\n-----END RSA ", "PRIVATE KEY-----\nthanks"),
    "private_key",
    join("-----BEGIN ", "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8\n-----END RSA ", "PRIVATE KEY-----"),
  ),
  one(
    join("-----BEGIN ", "OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END ", "OPENSSH PRIVATE KEY-----"),
    "private_key",
    join("-----BEGIN ", "OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END ", "OPENSSH PRIVATE KEY-----"),
  ),
  one(join("-----BEGIN ", "EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC ", "PRIVATE KEY-----"), "private_key", join("-----BEGIN ", "EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC ", "PRIVATE KEY-----")),
  one("DATABASE_URL=postgres://admin:s3cr3t@db.internal:5432/rall", "url_credentials", "postgres://admin:s3cr3t@db.internal:5432"),
  one("fetch https://alice:pa55@example.com/x", "url_credentials", "https://alice:pa55@example.com"),
  one("mysql://root:toor@localhost/db", "url_credentials", "mysql://root:toor@localhost"),
  one("cache redis://:pass123@cache:6379", "url_credentials", "redis://:pass123@cache:6379"),
  one("ftp://anonymous:guest@ftp.example.com", "url_credentials", "ftp://anonymous:guest@ftp.example.com"),
  // generic secrets
  one("password=hunter22 for the staging box", "secret", "hunter22"),
  one("api_key=abcd1234efgh5678", "secret", "abcd1234efgh5678"),
  one("SECRET_KEY=django-insecure-abc123xyz", "secret", "django-insecure-abc123xyz"),
  one('token: "abcdefghij1234567890"', "secret", "abcdefghij1234567890"),
  one("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "secret", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
  one('export OPENAI_API_KEY="sk-proj-abc123def456ghi789"', "secret", "sk-proj-abc123def456ghi789"),
  one("DB_PASSWORD: 'correct horse battery'", "secret", "correct horse battery"),
  one("my password is hunter2", "secret", "hunter2"),
  one("Authorization: Bearer abcDEF123456.ghiJKL789", "secret", "abcDEF123456.ghiJKL789"),
  one("HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUv", "secret", "hf_AbCdEfGhIjKlMnOpQrStUv"),
  one(join("leaked ", "sk-", "proj-", "Ab12Cd34Ef56Gh78Ij90Kl12"), "secret", join("sk-", "proj-", "Ab12Cd34Ef56Gh78Ij90Kl12")),
  one(join("maps key ", "AIza", "SyD-abcdefghijklmnopqrstuvwxyz12345"), "secret", join("AIza", "SyD-abcdefghijklmnopqrstuvwxyz12345")),
  one(join("gitlab ", "glpat-", "x1Y2z3A4b5C6d7E8f9G0"), "secret", join("glpat-", "x1Y2z3A4b5C6d7E8f9G0")),
  // several in one text
  {
    text: "Mail a@b.co or call +44 20 7946 0958 from 203.0.113.9",
    labels: [["email", "a@b.co"], ["phone", "+44 20 7946 0958"], ["ipv4", "203.0.113.9"]],
  },
  {
    text: "user jane@x.io, card 4111111111111111, home /home/jane/notes.md",
    labels: [["email", "jane@x.io"], ["credit_card", "4111111111111111"], ["home_path", "/home/jane/notes.md"]],
  },
];

/** Text with nothing to redact: what ML notes, logs and configs are full of. */
const NEGATIVES: string[] = [
  "Upgraded 1.2.3 → 2.0.0, then v2.10.0-rc.1 and 1.0.0+build.5",
  "released version 1.2.3.4 yesterday",
  "build 10.0.19041.1 of the runner",
  "ver. 10.2.0.1",
  "run 7f3a9c2e-1b4d-4c8e-9f0a-2b3c4d5e6f70 finished",
  "nil uuid 00000000-0000-0000-0000-000000000000",
  "commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
  "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
  "digest sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "md5 5d41402abc4b2a76b9719d911017c592",
  "took 15234 ms at 2024-11-27T10:15:30+00:00",
  "2024-08-06T12:34:56Z",
  "from 2026-11-27T10:15:30.123Z to 2026-11-28 08:00:00",
  "on 12/31/2024 at 10:15",
  "timings 12:30:45",
  "gpt-4o-2024-08-06 beat claude-3-opus-20240229",
  "llama-3.1-70b and llama-3.1-8b-instruct",
  "mistral-7b-instruct-v0.2, qwen2.5-72b-instruct, text-embedding-3-large",
  "all-MiniLM-L6-v2 embeddings",
  "served on localhost:3000 and 0.0.0.0:8080, metrics at :9090",
  "port :8080",
  "listening on http://localhost:8080",
  "docker run -p 8080:80 nginx",
  "took 1234 ms",
  "p50 250 ms, p95 1200ms, p99 4,500 ms; 12.5 s cold start",
  "p99 latency 2345.67ms",
  "accuracy 0.9512 on 10000 samples",
  "lr=3e-4, batch_size=256, max_tokens: 512, token_count: 12",
  "epoch 12/100 loss=0.2345",
  "price $4,999.00 for 12 months",
  "$1,234.56 and €99.99",
  "order #123456789012",
  "tracking 1Z999AA10123456784",
  "order 4000123412341235 (fails Luhn)",
  "invoice 2024-000123",
  "ISBN 978-3-16-148410-0",
  "lat 37.7749, lon -122.4194",
  "tensor shape (32, 512, 768)",
  "hidden sizes 256 512 1024",
  "node-v20.11.1-linux-x64",
  "CUDA 12.1, driver 535.104.05",
  "1,234,567 tokens",
  "the year 2024 had 366 days",
  "zip 94105",
  "timestamp 1732752000000",
  "accuracy +1.5 pts on 1,200 samples",
  "localhost 127.0.0.1:8080 and mask 255.255.255.0",
  "std::vector and dead::beef",
  "::1 is loopback",
  "mac 00:1a:2b:3c:4d:5e",
  "ratio 3:2:1",
  "~/projects is fine",
  "https://example.com/home/user/profile",
  "/Users/Shared/data.csv",
  "/homework/notes",
  "ssh://git@github.com/org/repo",
  "model@2.0.0 is the tag",
  "user@localhost has no domain",
  "the password is required",
  "password: ***",
  "api_key=${OPENAI_API_KEY}",
  "token: null",
  "tokenizer: bpe",
  "GB82 WEST 1234 5698 7654 33 fails mod 97",
  "000-12-3456 is never issued",
  "ids 123-456-7890",
  "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh\n-----END PUBLIC KEY-----",
  "the ghp_ prefix and sk_live_short",
  "Retrained on 30 more days of labelled queries.",
  "risk-adjusted-return-forecast-model and sk-learn-compatible-estimators",
  "GPT-4 scored 86.4% on RFC 4291 section 2.2 tests",
  "Python 3.11.4 on Ubuntu 22.04, release 10.5.1",
  "user id 12345678901, room 101",
  "call me on 555-1234",
  "the number of samples is 2025550123 rows? no: 1,000,000",
];

type Score = { tp: number; fp: number; fn: number };

function score(): Map<string, Score> {
  const scores = new Map<string, Score>(Object.keys(PII_CATEGORIES).map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const tally = (category: string) => scores.get(category) ?? scores.set(category, { tp: 0, fp: 0, fn: 0 }).get(category)!;
  const items = [...POSITIVES, ...NEGATIVES.map((text) => ({ text, labels: [] as Label[] }))];
  for (const { text, labels } of items) {
    const found = scrubPii(text).findings.map((f) => `${f.category}\u0000${text.slice(f.start, f.end)}`);
    const expected = labels.map(([category, value]) => `${category}\u0000${value}`);
    for (const key of found) tally(key.split("\u0000")[0]!)[expected.includes(key) ? "tp" : "fp"]++;
    for (const key of expected) if (!found.includes(key)) tally(key.split("\u0000")[0]!).fn++;
  }
  return scores;
}

describe("scrubPii on a labelled corpus", () => {
  const scores = score();

  it("has positives for every category", () => {
    for (const category of Object.keys(PII_CATEGORIES)) {
      expect(POSITIVES.some((item) => item.labels.some(([c]) => c === category)), category).toBe(true);
    }
  });

  it.each([...scores.keys()])("%s: precision and recall ≥ 0.97", (category) => {
    const { tp, fp, fn } = scores.get(category)!;
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    expect({ category, precision, recall }).toEqual({
      category,
      precision: expect.toSatisfy((p: number) => p >= 0.97),
      recall: expect.toSatisfy((r: number) => r >= 0.97),
    });
  });

  it("leaves every negative untouched", () => {
    const flagged = NEGATIVES.filter((text) => scrubPii(text).findings.length > 0);
    expect(flagged).toEqual([]);
  });
});
