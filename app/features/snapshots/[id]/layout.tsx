import { notFound } from "next/navigation";
import { snapshotById } from "@/lib/features/snapshots";

/** Answers an unknown snapshot with a real 404, before the loading boundary commits the response to 200. */
type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

export default async function SnapshotLayout({ children, params }: Props) {
  if (!(await snapshotById((await params).id))) notFound();
  return children;
}
