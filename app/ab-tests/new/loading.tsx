import { AbTestsSkeleton } from "@/components/ab-tests/ab-tests-skeleton";

export default function NewAbTestLoading() {
  return <AbTestsSkeleton label="Loading the form…" />;
}
