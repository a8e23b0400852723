import type { Metadata } from "next";
import { connection } from "next/server";
import { SectionPlaceholder } from "@/components/sections/section-placeholder";
import { requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Schema" };

export default async function SchemaPage() {
  await requireViewer();
  await connection();
  return <SectionPlaceholder href="/schema" />;
}
