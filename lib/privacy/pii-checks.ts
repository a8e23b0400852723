/**
 * The checks an issuer builds into an identifier, so the scrubber flags real card numbers and IBANs rather than
 * any long run of digits.
 */

/** The Luhn (mod 10) check of ISO/IEC 7812-1, over a string of digits. */
export function luhnIsValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const between = (prefix: number, low: number, high: number) => prefix >= low && prefix <= high;

/**
 * Whether `digits` has the prefix and length of a card network (Visa, Mastercard, American Express, Discover,
 * Diners Club, JCB, UnionPay, Maestro). A Luhn-valid 13-digit millisecond timestamp starts with 1 and is not one.
 */
export function isCardNetworkNumber(digits: string): boolean {
  const length = digits.length;
  const p = (n: number) => Number(digits.slice(0, n));
  if (digits.startsWith("4")) return length === 13 || length === 16 || length === 19; // Visa
  if (between(p(2), 51, 55) || between(p(4), 2221, 2720)) return length === 16; // Mastercard
  if (p(2) === 34 || p(2) === 37) return length === 15; // American Express
  if (p(4) === 6011 || p(2) === 65 || between(p(3), 644, 649)) return length >= 16 && length <= 19; // Discover
  if (between(p(3), 300, 305) || p(2) === 36 || p(2) === 38 || p(2) === 39) return length >= 14 && length <= 19; // Diners
  if (between(p(4), 3528, 3589)) return length >= 16 && length <= 19; // JCB
  if (p(2) === 62) return length >= 16 && length <= 19; // UnionPay
  if (p(2) === 50 || between(p(2), 56, 58) || p(1) === 6) return length >= 12 && length <= 19; // Maestro
  return false;
}

/** IBAN length per country, from the SWIFT IBAN registry (ISO 13616). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/**
 * The ISO 7064 mod 97-10 check of an IBAN without spaces: move the first four characters to the end, read
 * letters as 10–35, and the number must leave remainder 1 when divided by 97.
 */
export function ibanChecksumIsValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= "A" ? char.charCodeAt(0) - 55 : Number(char);
    // Two-digit values shift by 100, one-digit by 10; the remainder stays small, so no big integers are needed.
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const IPV4_TAIL = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * RFC 4291 §2.2 text forms: eight groups of 1–4 hex digits, or fewer with one "::", the last two groups
 * optionally written as IPv4. Loopback (::1) and unspecified (::) addresses name no one and are rejected, as is
 * a compressed form without any digit ("dead::beef" is more likely code than an address).
 */
export function isValidIpv6(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":"));
  const groups = halves.flatMap(groupsOf);
  const last = groups.at(-1);
  const hasIpv4Tail = last !== undefined && last.includes(".");
  if (hasIpv4Tail && !IPV4_TAIL.test(last)) return false;
  const hexGroups = hasIpv4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((group) => HEX_GROUP.test(group))) return false;
  const width = hexGroups.length + (hasIpv4Tail ? 2 : 0);
  const compressed = halves.length === 2;
  if (compressed ? width > 7 : width !== 8) return false;
  if (compressed && !/\d/.test(text)) return false;
  const values = hexGroups.map((group) => parseInt(group, 16));
  const leadingZeros = values.slice(0, -1).every((value) => value === 0);
  const unspecifiedOrLoopback = !hasIpv4Tail && leadingZeros && (values.at(-1) ?? 0) <= 1;
  return !unspecifiedOrLoopback;
}
