#!/usr/bin/env bash
# Webhooks: the core's signature, event and de-duplication tests, the end-to-end tests (the sandbox
# POSTs signed deliveries to a receiver on loopback), and the receiver example's round trip.
# Needs only a Rust toolchain; builds the debug profile into the shared target/.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> insurup::webhook unit and doc tests"
cargo test --locked -p insurup --lib webhook
cargo test --locked -p insurup --doc webhook

echo "==> end-to-end: deliveries from the sandbox"
cargo test --locked -p insurup-e2e --test webhooks

echo "==> example: receiver round trip on an in-process sandbox"
cargo run --locked -q -p insurup --example webhook_receiver
