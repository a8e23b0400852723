import type { Metadata } from "next";
import { connection } from "next/server";
import { SectionPlaceholder } from "@/components/sections/section-placeholder";

export const metadata: Metadata = { title: "A/B tests" };

export default async function AbTestsPage() {
  await connection();
  return <SectionPlaceholder href="/ab-tests" />;
}
