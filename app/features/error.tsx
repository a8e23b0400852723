"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function FeaturesError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="The features could not be loaded"
      message="Something went wrong while reading the feature vectors. Trying again often helps if the database was busy."
      links={[{ href: "/features", label: "Reset the view" }, { href: "/", label: "Back to Overview" }]}
    />
  );
}
