#!/usr/bin/env bash
# Debian packages the tests need: Chromium (browser tests), poppler-utils (PDF checks), WeasyPrint's libraries,
# pgbouncer (the pooler tests and the bench's cold-via-pool measurement).
set -euo pipefail
packages=(chromium poppler-utils pgbouncer libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "all present"
fi
