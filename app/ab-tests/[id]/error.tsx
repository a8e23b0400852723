"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function AbTestError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="The A/B test could not be loaded"
      message="Something went wrong while reading this test. Trying again often helps if the database was busy."
      links={[{ href: "/ab-tests", label: "All A/B tests" }, { href: "/", label: "Back to Overview" }]}
    />
  );
}
