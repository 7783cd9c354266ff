#!/usr/bin/env bash
# What the tests need from the system, installed from Debian's packages when missing (`npm test`
# runs this first): chromium for the browser tests (driven by playwright-core; never a downloaded
# browser) and espeak-ng for the speaking-rate check. Installing needs root and apt-get; without
# them it names the packages to install and fails, rather than letting tests fail obscurely.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need these Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
