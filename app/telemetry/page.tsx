import type { Metadata } from "next";
import { connection } from "next/server";
import { SectionPlaceholder } from "@/components/sections/section-placeholder";

export const metadata: Metadata = { title: "Telemetry" };

export default async function TelemetryPage() {
  await connection();
  return <SectionPlaceholder href="/telemetry" />;
}
