import type { Metadata } from "next";
import { connection } from "next/server";
import { SectionPlaceholder } from "@/components/sections/section-placeholder";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyPage() {
  await connection();
  return <SectionPlaceholder href="/privacy" />;
}
