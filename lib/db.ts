import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

// One client per process: Next.js dev hot reload re-evaluates modules, so the client lives on globalThis.
const globalForPrisma = globalThis as unknown as { rallPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.rallPrisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.rallPrisma = db;
