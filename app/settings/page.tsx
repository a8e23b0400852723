import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/guard";

export default async function SettingsPage() {
  await requireViewer();
  redirect("/settings/api-keys");
}
