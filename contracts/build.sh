#!/usr/bin/env bash
# Builds the contract artifacts and Go bindings from GlassboxRegistry.sol:
#   GlassboxRegistry.abi, GlassboxRegistry.bin  (solc-js 0.8.30, evmVersion prague, optimizer 200 runs)
#   glassboxregistry.go                          (go tool abigen --v2, pinned in go.mod)
# With --check, builds into a temporary directory and exits 1 with a diff when
# the committed artifacts differ from what the sources produce.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  *) echo "usage: contracts/build.sh [--check]" >&2; exit 2 ;;
esac
if [ ! -d "$root/node_modules/solc" ]; then
  echo "contracts/build.sh: solc-js is not installed; run bash scripts/setup" >&2
  exit 1
fi
out="$here"
if [ "$check" = 1 ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
(cd "$root" && NODE_PATH="$root/node_modules" node "$here/compile.js" "$out")
(cd "$root" && go tool abigen --v2 --abi "$out/GlassboxRegistry.abi" --bin "$out/GlassboxRegistry.bin" \
  --pkg contracts --type GlassboxRegistry --out "$out/glassboxregistry.go")
if [ "$check" = 1 ]; then
  status=0
  for f in GlassboxRegistry.abi GlassboxRegistry.bin glassboxregistry.go; do
    if ! diff -u "$here/$f" "$out/$f"; then status=1; fi
  done
  if [ "$status" != 0 ]; then
    echo "contracts/build.sh --check: committed artifacts differ from the sources; run contracts/build.sh" >&2
  fi
  exit "$status"
fi
