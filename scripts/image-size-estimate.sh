#!/usr/bin/env bash
# Prints an ESTIMATE of the runtime image's uncompressed size, for machines without a Docker engine:
# the base image's size plus what the Dockerfile's runtime stage copies from `npm run build`.
# Run `npm run build` first. Override the base figure with BASE_IMAGE_MB=<n>.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx --no-install tsx dev/image-size.ts
