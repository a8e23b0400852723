"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function SchemaError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="The schema could not be read"
      message="Something went wrong while reading the database's schema or running its checks. Trying again often helps if the database was busy."
      links={[{ href: "/schema", label: "Back to the schema" }, { href: "/", label: "Back to Overview" }]}
    />
  );
}
