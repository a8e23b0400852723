import type { Metadata } from "next";
import { connection } from "next/server";
import { SectionPlaceholder } from "@/components/sections/section-placeholder";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  await connection();
  return <SectionPlaceholder href="/runs" />;
}
