import { runCreateAdmin } from "@/lib/auth/cli/create-admin";
import { terminalPrompter } from "@/lib/auth/cli/terminal-prompter";

// npm run users:create-admin [-- --username U --password-stdin]; see lib/auth/cli/create-admin.ts.
process.exitCode = await runCreateAdmin(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr, prompter: terminalPrompter() });
