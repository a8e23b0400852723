"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function PredictionsError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="The predictions could not be loaded"
      message="Something went wrong while reading the predictions. Trying again often helps if the database was busy."
      links={[{ href: "/predictions", label: "Reset the view" }, { href: "/", label: "Back to Overview" }]}
    />
  );
}
