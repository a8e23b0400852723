import { notFound } from "next/navigation";
import { runExists } from "@/lib/runs/run-detail";

/**
 * Answers an unknown run with a real 404. The check sits in the layout because the segment's loading.tsx wraps
 * only the page: once its skeleton streams, the response is committed to 200 (Next.js docs, loading.js "Status
 * codes"), so a notFound() in the page could no longer change the status.
 */
type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

export default async function RunLayout({ children, params }: Props) {
  if (!(await runExists((await params).id))) notFound();
  return children;
}
