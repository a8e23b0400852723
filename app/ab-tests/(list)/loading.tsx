import { AbTestsSkeleton } from "@/components/ab-tests/ab-tests-skeleton";

// In the (list) group so that it wraps the list only: a loading boundary above /ab-tests/[id] would start
// streaming before the page could answer 404.
export default function AbTestsLoading() {
  return <AbTestsSkeleton label="Loading A/B tests…" />;
}
