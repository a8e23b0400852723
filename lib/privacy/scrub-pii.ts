/**
 * Finds personal data and secrets in free text and replaces each with a placeholder naming its category
 * (`jane@example.com` → `[EMAIL]`), before the text is stored. Plain TypeScript with no database or Node API, so
 * the same scrubber runs in a server action, a CLI or a browser.
 *
 * Precision matters as much as recall here: ML notes are full of version numbers, digests, UUIDs, timestamps,
 * ports and latencies, and a scrubber that mangles them gets switched off. So numbers are checked the way the
 * issuer checks them (Luhn for cards, ISO 7064 mod 97-10 for IBANs, NANP shape for US phones), and anything lying
 * inside a UUID, a hex digest, an ISO timestamp or a semantic version is left alone unless a key names it a secret.
 */
import { DETECTORS, PROTECTED_PATTERNS, whole, type Span } from "./pii-detectors";

export { isPlaceholderValue, isSecretKeyName } from "./pii-detectors";

export type PiiFinding = {
  /** What was found, e.g. "email"; the placeholder is its upper-case form in brackets, "[EMAIL]". */
  category: string;
  /** Index of the first character in the input. */
  start: number;
  /** Index one past the last character in the input. */
  end: number;
};

export type ScrubResult = { text: string; findings: PiiFinding[] };

/** The redaction_log.redaction_type of a category: personal data, or a secret that grants access. */
export type RedactionType = "pii" | "sensitive";

/** Every category the scrubber reports, with the kind of redaction it is. */
export const PII_CATEGORIES = {
  email: "pii",
  phone: "pii",
  credit_card: "pii",
  iban: "pii",
  us_ssn: "pii",
  ipv4: "pii",
  ipv6: "pii",
  // A home directory names the person who owns it.
  home_path: "pii",
  aws_access_key: "sensitive",
  github_token: "sensitive",
  slack_token: "sensitive",
  stripe_key: "sensitive",
  jwt: "sensitive",
  private_key: "sensitive",
  url_credentials: "sensitive",
  secret: "sensitive",
} as const satisfies Record<string, RedactionType>;

export type PiiCategory = keyof typeof PII_CATEGORIES;

export function isPiiCategory(value: string): value is PiiCategory {
  return Object.hasOwn(PII_CATEGORIES, value);
}

/** The text that replaces a finding: "[EMAIL]". */
export function placeholderFor(category: string): string {
  return `[${category.toUpperCase()}]`;
}

// ---- what must never be flagged ----------------------------------------------------------------------------

function protectedSpans(text: string): Span[] {
  return PROTECTED_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map(whole));
}

// ---- scrubbing ---------------------------------------------------------------------------------------------

type Candidate = PiiFinding & { specificity: number };

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  const shielded = protectedSpans(text);
  for (const detector of DETECTORS) {
    for (const match of text.matchAll(detector.pattern)) {
      const span = detector.accept ? detector.accept(match) : whole(match);
      if (!span || span.end <= span.start) continue;
      if (!detector.contextual && shielded.some((shield) => shield.start <= span.start && span.end <= shield.end)) continue;
      found.push({ category: detector.category, ...span, specificity: detector.specificity });
    }
  }
  return found;
}

/**
 * Where matches overlap, the longest wins, then the most specific pattern, then the earliest start, then the
 * category name, so the outcome never depends on detector order.
 */
function resolveOverlaps(found: Candidate[]): PiiFinding[] {
  const ranked = [...found].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      b.specificity - a.specificity ||
      a.start - b.start ||
      a.category.localeCompare(b.category),
  );
  const kept: PiiFinding[] = [];
  for (const candidate of ranked) {
    if (kept.some((other) => candidate.start < other.end && other.start < candidate.end)) continue;
    kept.push({ category: candidate.category, start: candidate.start, end: candidate.end });
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Replaces every email, phone number, payment card, IBAN, US SSN, IP address, home-directory path, API key or
 * token, JWT, private key, URL with credentials and `key=value` secret in `text` with `[CATEGORY]`. Findings
 * index the input and come in text order; the text they describe never leaves this function.
 */
export function scrubPii(text: string): ScrubResult {
  const findings = resolveOverlaps(candidates(text));
  let scrubbed = "";
  let cursor = 0;
  for (const finding of findings) {
    scrubbed += text.slice(cursor, finding.start) + placeholderFor(finding.category);
    cursor = finding.end;
  }
  scrubbed += text.slice(cursor);
  return { text: scrubbed, findings };
}
