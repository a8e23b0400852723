#!/bin/sh
echo "schema-engine is not available offline; migrations are applied by npm run db:migrate" >&2
exit 1
