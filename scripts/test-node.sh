#!/usr/bin/env bash
# Node: the insurup-sdk package (bindings-node). Installs the pinned npm tools, builds the sandbox
# and the native module (debug, in ${CARGO_TARGET_DIR:-target}), type-checks a strict TypeScript
# example against the generated index.d.ts, and runs the node --test suite (each test file starts
# its own sandbox; the fleet tests a redis-server too), then type-checks and runs the examples.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/redis.sh

echo "==> cargo build -p insurup-sandbox"
cargo build --locked -p insurup-sandbox
target_dir="${CARGO_TARGET_DIR:-target}"
[[ "$target_dir" = /* ]] || target_dir="$PWD/$target_dir"
export INSURUP_SANDBOX_BIN="$target_dir/debug/insurup-sandbox"

cd bindings-node
echo "==> npm ci"
npm ci --no-audit --no-fund

echo "==> napi build (debug)"
npx napi build --platform --js native.js --dts index.d.ts

echo "==> tsc --noEmit --strict (typed example against index.d.ts)"
npx tsc --noEmit --strict -p __test__/typed

echo "==> node --test"
node --test __test__/

echo "==> examples/node: tsc --checkJs --strict, then run each (each starts its own sandbox)"
cd ../examples/node
npm install --no-audit --no-fund --no-package-lock
../../bindings-node/node_modules/.bin/tsc -p .
for example in quote_and_buy list_policies webhook_receiver handle_errors; do
    echo "--> ${example}.mjs"
    node "${example}.mjs"
done

echo "==> sandbox/hub-check.sh: Microsoft's SignalR client against the sandbox's proposal hub"
cd ../..
sandbox/hub-check.sh
