import { runApiKeysCreate } from "@/lib/auth/cli/api-keys-create";

// npm run api-keys:create -- --name N --scope read|write|admin; see lib/auth/cli/api-keys-create.ts.
process.exitCode = await runApiKeysCreate(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
