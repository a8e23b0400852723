import type { Metadata } from "next";
import { connection } from "next/server";
import { SectionPlaceholder } from "@/components/sections/section-placeholder";

export const metadata: Metadata = { title: "Schema" };

export default async function SchemaPage() {
  await connection();
  return <SectionPlaceholder href="/schema" />;
}
