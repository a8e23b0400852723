import type { Metadata } from "next";
import { connection } from "next/server";
import { SectionPlaceholder } from "@/components/sections/section-placeholder";

export const metadata: Metadata = { title: "Predictions" };

export default async function PredictionsPage() {
  await connection();
  return <SectionPlaceholder href="/predictions" />;
}
