/**
 * The patterns scrubPii looks for, one detector per shape of personal data or secret, and the identifiers it
 * must never flag. Each detector's regex finds candidates; its accept() applies the issuer's check (Luhn,
 * mod 97, IPv6 grammar, E.164 length) and decides the exact span to redact.
 */
import {
  ibanChecksumIsValid,
  IBAN_LENGTHS,
  isCardNetworkNumber,
  isValidIpv6,
  luhnIsValid,
} from "./pii-checks";
import type { PiiCategory } from "./scrub-pii";

export type Span = { start: number; end: number };

export type Detector = {
  category: PiiCategory;
  /** Must have the g flag. */
  pattern: RegExp;
  /** Breaks ties between overlapping matches of equal length: the more specific pattern wins. */
  specificity: number;
  /** The span to redact for a match, or null when the match is not a real finding. Default: the whole match. */
  accept?: (match: RegExpExecArray) => Span | null;
  /**
   * A key names the value a secret (`api_key=…`), so it is redacted even when it looks like a UUID or a digest,
   * which would otherwise be left alone.
   */
  contextual?: boolean;
};

export const whole = (match: RegExpExecArray): Span => ({ start: match.index, end: match.index + match[0].length });

/** The span of capture group `group` (needs the d flag). */
function groupSpan(match: RegExpExecArray, group: number): Span | null {
  const indices = match.indices?.[group];
  return indices ? { start: indices[0], end: indices[1] } : null;
}

/** Trailing sentence punctuation is not part of a URL or a path. */
function trimTrailingPunctuation(match: RegExpExecArray): Span {
  const span = whole(match);
  let end = span.end;
  while (end > span.start && /[.,;:!?)\]}'"]/.test(match.input[end - 1]!)) end--;
  return { start: span.start, end };
}

const digitCount = (text: string) => text.replace(/\D/g, "").length;

// ---- personal data -----------------------------------------------------------------------------------------

/** Addresses, but not the user part of a URL (ssh://git@github.com names a service account, not a person). */
const EMAIL: Detector = {
  category: "email",
  pattern: /(?<![\w.%+-]|:\/\/)[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g,
  specificity: 70,
};

/**
 * North American numbers with an area code (which never starts with 0 or 1): (555) 123-4567, 555-123-4567,
 * 555.123.4567, 1-800-555-0199. Bare digit runs and space-only groups are not matched: they are far more often
 * sizes, counts or ids than phone numbers.
 */
const US_PHONE: Detector = {
  category: "phone",
  pattern: /(?<![\w+.\-/])(?:1[-. ]?)?(?:\([2-9]\d{2}\) ?\d{3}[-. ]\d{4}|[2-9]\d{2}([-.])\d{3}\1\d{4})(?![\w-]|\.\d)/g,
  specificity: 50,
};

// A phone word just before a number says what it is, so space-separated and national forms are accepted after one.
const PHONE_WORD_BEFORE =
  /\b(?:phone|tel|telephone|mobile|cell|cellphone|fax|call(?: me| us)?(?: at| on)?|ring(?: me)?(?: at| on)?|text(?: me)?(?: at| on)?|sms|whatsapp|contact(?: me| us)?(?: at| on)?|reach (?:me|us)(?: at| on)?|dial|number|no)\.?(?:\s+(?:is|was))?\s*(?:[:#=-]\s*)?$/i;

function phoneWordBefore(match: RegExpExecArray): boolean {
  return PHONE_WORD_BEFORE.test(match.input.slice(Math.max(0, match.index - 32), match.index));
}

/** 415 555 2671 (spaces only): too much like three counts in a row unless a phone word or a +1 / 1 comes first. */
const US_PHONE_SPACED: Detector = {
  category: "phone",
  pattern: /(?<![\w+.\-/])(\+?1 )?[2-9]\d{2} [2-9]\d{2} \d{4}(?![\w-]|[.,]\d| \d)/g,
  specificity: 50,
  accept: (match) => (match[1] !== undefined || phoneWordBefore(match) ? whole(match) : null),
};

/**
 * Numbers in national or 00-international form after a phone word: "call 020 7946 0958", "mobile: 07700 900123",
 * "tel 0044 20 7946 0958". 9 to 15 digits, in groups.
 */
const LABELLED_PHONE: Detector = {
  category: "phone",
  pattern: /(?<![\w+.\-/])(?:\(0\d{1,4}\)|0\d{1,4})(?:[ .-]?\d{2,5}){1,4}(?![\w-]|[.,]\d)/g,
  specificity: 50,
  accept: (match) => {
    const digits = digitCount(match[0]);
    // "(020) 7946 0958": a bracketed trunk prefix is a phone number's own mark, word or not.
    const shaped = match[0].startsWith("(") && /\) ?\d/.test(match[0]);
    return digits >= 9 && digits <= 15 && (shaped || phoneWordBefore(match)) ? whole(match) : null;
  },
};

/** "phone number is 4155552671": ten bare digits of NANP shape, only after a phone word. */
const LABELLED_US_DIGITS: Detector = {
  category: "phone",
  pattern: /(?<![\w+.\-/])(?:\+?1)?[2-9]\d{2}[2-9]\d{6}(?![\w-]|[.,]\d)/g,
  specificity: 50,
  accept: (match) => (phoneWordBefore(match) ? whole(match) : null),
};

/** E.164-style international numbers: a + and country code, then 8 to 15 digits in all, in groups. */
const INTERNATIONAL_PHONE: Detector = {
  category: "phone",
  pattern: /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,5}){1,7}(?![\w]|[.-]?\d)/g,
  specificity: 50,
  accept: (match) => {
    // Drop trailing groups that push the number past E.164's 15 digits (a year or a count after the number).
    let text = match[0];
    while (digitCount(text) > 15) {
      const cut = text.search(/[ .-]?\d+$/);
      if (cut <= 0) return null;
      text = text.slice(0, cut);
    }
    const digits = digitCount(text);
    return digits >= 8 ? { start: match.index, end: match.index + text.length } : null;
  },
};

/** 13 to 19 digits, optionally grouped by one kind of separator, Luhn-valid and with a card network's prefix. */
const CREDIT_CARD: Detector = {
  category: "credit_card",
  pattern: /(?<![\w+\-.])\d(?:[ -]?\d){12,18}(?![\w]|[-.]?\d)/g,
  specificity: 80,
  accept: (match) => {
    const text = match[0];
    const separators = new Set(text.replace(/\d/g, ""));
    if (separators.size > 1) return null;
    const digits = text.replace(/\D/g, "");
    return luhnIsValid(digits) && isCardNetworkNumber(digits) ? whole(match) : null;
  },
};

/**
 * IBANs (ISO 13616), printed in groups of four or unspaced: the country fixes the length, and the
 * ISO 7064 mod 97-10 check digits must hold. The match is cut at the country's length, so a word after the
 * IBAN is never swallowed.
 */
const IBAN: Detector = {
  category: "iban",
  pattern: /(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,32}/g,
  specificity: 80,
  accept: (match) => {
    const length = IBAN_LENGTHS[match[0].slice(0, 2)];
    if (!length) return null;
    let compact = "";
    let end = match.index;
    const { input } = match;
    while (compact.length < length && end < input.length) {
      const char = input[end]!;
      if (/[A-Z0-9]/.test(char)) compact += char;
      else if (char !== " " || !/[A-Z0-9]/.test(input[end + 1] ?? "")) break;
      end++;
    }
    if (compact.length !== length || /\w/.test(input[end] ?? "")) return null;
    return ibanChecksumIsValid(compact) ? { start: match.index, end } : null;
  },
};

/** US Social Security numbers in their printed form, AAA-GG-SSSS, without the never-issued ranges. */
const US_SSN: Detector = {
  category: "us_ssn",
  pattern: /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-]|\.\d)/g,
  specificity: 75,
};

/** Nine digits named as an SSN: "SSN: 123456789", "ssn 123 45 6789". */
const US_SSN_LABELLED: Detector = {
  category: "us_ssn",
  pattern: /\b(?:SSN|social security (?:number|no\.?))(?:\s+(?:is|was))?\s*[:#]?\s*((?!000|666|9\d\d)\d{3}([ -]?)\d{2}\2\d{4})(?![\d-])/dgi,
  specificity: 75,
  accept: (match) => groupSpan(match, 1),
  contextual: true,
};

const VERSION_WORD_BEFORE =
  /\b(?:version|ver|release|build|firmware|driver|kernel|revision|rev|patch|update|upgrade[sd]?(?: to)?|v)\.?\s*[:=#]?\s*$/i;

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

/** IPv4 addresses, except loopback (127/8), "any" (0.0.0.0) and masks or broadcast (255.…), which name no one. */
const IPV4: Detector = {
  category: "ipv4",
  pattern: new RegExp(`(?<![\\w.])(?:${OCTET}\\.){3}${OCTET}(?![\\w]|\\.\\d)`, "g"),
  specificity: 60,
  accept: (match) => {
    if (/^(?:127\.|0\.0\.0\.0$|255\.)/.test(match[0])) return null;
    // "version 1.2.3.4", "build 10.0.19041.1": four-part versions are common, and the word before says which.
    const before = match.input.slice(Math.max(0, match.index - 24), match.index);
    return VERSION_WORD_BEFORE.test(before) ? null : whole(match);
  },
};

/** IPv6 addresses, full or compressed, with an optional embedded IPv4; loopback and unspecified excluded. */
const IPV6: Detector = {
  category: "ipv6",
  pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?![\w:]|\.\d)/g,
  specificity: 65,
  accept: (match) => (isValidIpv6(match[0]) ? whole(match) : null),
};

/** /home/<user>/…, /Users/<user>/… and C:\Users\<user>\…, but not the shared or default profiles. */
const HOME_PATH_UNIX: Detector = {
  category: "home_path",
  pattern: /(?<![\w./~-])\/(?:home|Users)\/(?!(?:Shared|Public)(?![\w.-]))[A-Za-z0-9._-]+(?:\/[^\s'"<>|;,()[\]{}]*)?/g,
  specificity: 45,
  accept: trimTrailingPunctuation,
};

/** ~alice/…: another user's home directory, by name (~/… names no one). */
const HOME_PATH_TILDE: Detector = {
  category: "home_path",
  pattern: /(?<![\w./~-])~[A-Za-z_][A-Za-z0-9._-]{0,31}\/[^\s'"<>|;,()[\]{}]*/g,
  specificity: 45,
  accept: trimTrailingPunctuation,
};

const HOME_PATH_WINDOWS: Detector = {
  category: "home_path",
  pattern: /(?<![\w])[A-Za-z]:[\\/](?:Users|Documents and Settings)[\\/](?!(?:Public|Default|All Users)(?![\w.-]))[^\\/\s'"<>|:*?]+(?:[\\/][^\\/\s'"<>|:*?]*)*/gi,
  specificity: 45,
  accept: trimTrailingPunctuation,
};

// ---- secrets -----------------------------------------------------------------------------------------------

/** AWS access key ids: a four-letter resource prefix and 16 upper-case alphanumerics. */
const AWS_ACCESS_KEY: Detector = {
  category: "aws_access_key",
  pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  specificity: 90,
};

/** GitHub tokens: ghp_/gho_/ghu_/ghs_/ghr_ classic tokens and github_pat_ fine-grained ones. */
const GITHUB_TOKEN: Detector = {
  category: "github_token",
  pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,242})(?![A-Za-z0-9_])/g,
  specificity: 90,
};

/** Slack bot/user/app tokens (xoxb-, xoxp-, xapp-…) and incoming-webhook URLs. */
const SLACK_TOKEN: Detector = {
  category: "slack_token",
  pattern: /(?<![A-Za-z0-9-])(?:xox[abposr]-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Za-z0-9-]{10,250}|https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/-]{20,200})(?![A-Za-z0-9-])/g,
  specificity: 90,
};

/** Stripe secret, restricted and publishable keys, live or test, and webhook signing secrets. */
const STRIPE_KEY: Detector = {
  category: "stripe_key",
  pattern: /(?<![A-Za-z0-9_])(?:(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,247}|whsec_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g,
  specificity: 90,
};

/** JSON Web Tokens: base64url header and payload that both start with '{"' (eyJ), then the signature. */
const JWT: Detector = {
  category: "jwt",
  pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*(?![A-Za-z0-9_-])/g,
  specificity: 95,
};

/** PEM private keys. A block cut off before its END line is redacted up to the last base64 character. */
const PRIVATE_KEY: Detector = {
  category: "private_key",
  pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----(?:[\s\S]*?-----END \1PRIVATE KEY-----|[A-Za-z0-9+/=\s:,-]*)/g,
  specificity: 100,
  accept: (match) => {
    const span = whole(match);
    let end = span.end;
    while (end > span.start && /\s/.test(match.input[end - 1]!)) end--;
    return { start: span.start, end };
  },
};

/** scheme://user:password@host[:port]; the whole authority goes, since the user name may be personal too. */
const URL_CREDENTIALS: Detector = {
  category: "url_credentials",
  pattern: /\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:/?#@'"<>]*:[^\s/?#@'"<>]+@[^\s/?#'"<>]+/g,
  specificity: 85,
  accept: trimTrailingPunctuation,
};

// The key names that mark the value after them as a secret. The key must end with one of these, so
// `max_tokens: 512`, `token_count: 12` and `author: Jane` are left alone.
const PASSWORD_WORDS = "password|passwd|passphrase|pwd";
const SECRET_WORDS =
  "secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret|auth|credentials?";

const SECRET_KEY_NAME = new RegExp(`(?:^|[_.-])(?:${PASSWORD_WORDS}|${SECRET_WORDS})$`, "i");

/** Whether a key (a JSON property, a config name) marks its value as a secret: `db_password`, `HF_TOKEN`. */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY_NAME.test(key);
}

/** Values that stand for a secret without being one: placeholders, masks, environment references. */
export function isPlaceholderValue(value: string): boolean {
  return (
    /^\[[A-Z_]+\]$/.test(value) ||
    /^[*xX•.]+$/.test(value) ||
    /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_][A-Za-z0-9_]*%|<[^>]*>)$/.test(value) ||
    /^(?:null|none|nil|undefined|true|false|redacted|hidden|required|optional)$/i.test(value)
  );
}

/**
 * API keys whose issuer prefix says what they are, found without any key name: OpenAI and Anthropic (sk-…),
 * Google (AIza…), GitLab (glpat-…), npm (npm_…), Hugging Face (hf_…). Reported as generic secrets.
 */
const PREFIXED_API_KEY: Detector = {
  category: "secret",
  pattern: /(?<![A-Za-z0-9_-])(?:sk-(?:proj-|ant-(?:api\d\d-)?|svcacct-)?[A-Za-z0-9_-]{20,200}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,64}|npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{30,64})(?![A-Za-z0-9_-])/g,
  specificity: 85,
  // Random keys mix digits in; a hyphenated phrase after "sk-" does not.
  accept: (match) => (/\d/.test(match[0]) && /[A-Za-z]/.test(match[0]) ? whole(match) : null),
};

/** `password=…`, `api_key: …`, `"client_secret": "…"`: the value is redacted, the key stays readable. */
const KEYED_SECRET: Detector = {
  category: "secret",
  pattern: new RegExp(
    `(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_.-])*(?:(${PASSWORD_WORDS})|${SECRET_WORDS})["']?[ \\t]*(?::|=>?)[ \\t]*` +
      `(?:"([^"\\n]+)"|'([^'\\n]+)'|([^\\s"'\`,;]+))`,
    "dgi",
  ),
  specificity: 40,
  contextual: true,
  accept: (match) => {
    const group = match[2] !== undefined ? 2 : match[3] !== undefined ? 3 : 4;
    const value = match[group]!;
    const isPassword = match[1] !== undefined;
    if (value.length < (isPassword ? 3 : 8) || isPlaceholderValue(value)) return null;
    return groupSpan(match, group);
  },
};

/**
 * "my password is hunter2", "pwd was S3cret!": a password in prose. Only values mixing letters with digits or
 * symbols count, so "the password is required" or "is too short" stay.
 */
const PROSE_PASSWORD: Detector = {
  category: "secret",
  pattern: /\b(?:password|passwd|passphrase|passcode|pwd|pin)\s+(?:is|was|=)\s+["'`]?([^\s"'`,;]{4,})/dgi,
  specificity: 40,
  contextual: true,
  accept: (match) => {
    const value = match[1]!.replace(/[.!?)]+$/, "");
    if (!/[A-Za-z]/.test(value) || !/[^A-Za-z]/.test(value) || isPlaceholderValue(value)) return null;
    const span = groupSpan(match, 1)!;
    return { start: span.start, end: span.start + value.length };
  },
};

/** HTTP credentials: `Authorization: Bearer …` or `Basic …`. */
const HTTP_AUTH_SECRET: Detector = {
  category: "secret",
  pattern: /\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/-]{12,}=*)/dg,
  specificity: 40,
  contextual: true,
  accept: (match) => groupSpan(match, 1),
};

export const DETECTORS: readonly Detector[] = [
  PRIVATE_KEY,
  JWT,
  AWS_ACCESS_KEY,
  GITHUB_TOKEN,
  SLACK_TOKEN,
  STRIPE_KEY,
  URL_CREDENTIALS,
  IBAN,
  CREDIT_CARD,
  US_SSN,
  US_SSN_LABELLED,
  EMAIL,
  IPV6,
  IPV4,
  US_PHONE,
  US_PHONE_SPACED,
  LABELLED_PHONE,
  LABELLED_US_DIGITS,
  INTERNATIONAL_PHONE,
  HOME_PATH_UNIX,
  HOME_PATH_TILDE,
  HOME_PATH_WINDOWS,
  KEYED_SECRET,
  PREFIXED_API_KEY,
  PROSE_PASSWORD,
  HTTP_AUTH_SECRET,
];

// ---- what must never be flagged ----------------------------------------------------------------------------

/**
 * Tokens that look like numbers or hex but are identifiers: a finding lying wholly inside one of these is
 * dropped (unless a key named it a secret). Their digits would otherwise read as phones, cards or SSNs.
 */
export const PROTECTED_PATTERNS: readonly RegExp[] = [
  // UUIDs.
  /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/g,
  // Hex digests: MD5 (32), SHA-1 (40), SHA-256 (64), SHA-512 (128).
  /(?<![0-9A-Za-z])[0-9A-Fa-f]{32,128}(?![0-9A-Za-z])/g,
  // ISO 8601 dates and timestamps.
  /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g,
  // Semantic versions: 1.2.3, v2.0.0-rc.1, 1.0.0+build.5.
  // A dotted NANP phone number (415.555.2671) has the shape of a version but is never one in practice.
  /(?<![\w.])(?![2-9]\d{2}\.[2-9]\d{2}\.\d{4}(?![\w.]))v?\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?![\w]|\.\d)/g,
];
