"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function AbTestsError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="The A/B tests could not be loaded"
      message="Something went wrong while reading the A/B tests. Trying again often helps if the database was busy."
      links={[{ href: "/ab-tests", label: "Reset the view" }, { href: "/", label: "Back to Overview" }]}
    />
  );
}
