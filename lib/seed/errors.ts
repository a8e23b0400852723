/** A seed run that cannot proceed: a non-empty database, a bad option, or data that cannot show a planned state. */
export class SeedError extends Error {
  override name = "SeedError";
}
