import type { Metadata } from "next";
import { connection } from "next/server";
import { SectionPlaceholder } from "@/components/sections/section-placeholder";

export const metadata: Metadata = { title: "Features" };

export default async function FeaturesPage() {
  await connection();
  return <SectionPlaceholder href="/features" />;
}
