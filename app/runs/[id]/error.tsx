"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function RunError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="This run could not be loaded"
      message="Something went wrong while reading the run. Trying again often helps if the database was busy."
      links={[{ href: "/runs", label: "All runs" }]}
    />
  );
}
