import { formatUtcMinute } from "@/lib/format";

/** A timestamp to the minute, or what its absence means ("never"). */
export function Timestamp({ value, empty }: { value: string | null; empty: string }) {
  if (value === null) return <span>{empty}</span>;
  return (
    <time dateTime={value} title={value}>
      {formatUtcMinute(value)}
    </time>
  );
}
