"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function CompareError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="The comparison could not be loaded"
      message="Something went wrong while reading the runs. Trying again often helps if the database was busy."
      links={[{ href: "/runs", label: "All runs" }]}
    />
  );
}
