"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function ErrorPage(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="This page could not be loaded"
      message="Something went wrong while reading the data. Trying again often helps if the database was busy."
      links={[{ href: "/", label: "Back to Overview" }]}
    />
  );
}
