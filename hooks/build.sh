#!/usr/bin/env sh
# ask-cli's custom build flow: `ask deploy` runs this (from a copy of lambda/ under .ask/) with the
# path of the zip it will upload as $1. It builds the TypeScript with esbuild (npm run build) and
# zips the bundle, so what is deployed is always built from the current sources.
set -eu
case "$1" in
  /*) BUILD_FILE="$1" ;;
  *) BUILD_FILE="$(pwd)/$1" ;;
esac
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
npm run --silent build
node_modules/.bin/tsx scripts/package-lambda.ts "$BUILD_FILE"
