"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function RegisterRunError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="Something went wrong with the form"
      message="The database could not be read or written. If you had submitted a run, check the runs list before registering it again."
      links={[{ href: "/runs", label: "All runs" }]}
    />
  );
}
