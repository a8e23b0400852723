"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function RunsError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="The runs could not be loaded"
      message="Something went wrong while reading the training runs. Trying again often helps if the database was busy."
      links={[{ href: "/runs", label: "Reset the view" }, { href: "/", label: "Back to Overview" }]}
    />
  );
}
