#!/usr/bin/env bash
# Kotlin/Swift (UniFFI): builds the library and the sandbox (debug, in $CARGO_TARGET_DIR or the
# shared target/), generates the Kotlin and Swift sources, checks the surface list and the generated
# Swift API against what is committed, then compiles the Kotlin binding with Maven and runs its
# JUnit tests (the surface parity test and the examples included) against sandboxes on loopback;
# the fleet tests start their own redis-server, which scripts/redis.sh installs when missing.
# Needs a JDK 17+ and Maven (dependencies come from Maven Central); run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
    echo "==> installing a JDK and Maven"
    if [[ "$(id -u)" == 0 ]]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
fi

scripts/redis.sh

echo "==> cargo build -p insurup-sandbox"
cargo build --locked -p insurup-sandbox

echo "==> generate the Kotlin and Swift sources, check the surface list and the Swift snapshots"
bindings-uniffi/generate.sh --check

echo "==> mvn test (bindings-uniffi/kotlin)"
reports=bindings-uniffi/kotlin/target/surefire-reports
rm -rf "$reports"
status=0
debug="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/debug"
mvn -q -B -Dstyle.color=never -Dcargo.target.dir="$debug" -f bindings-uniffi/kotlin/pom.xml test || status=$?

# -q hides Surefire's own summary; add up its reports instead.
count() {
    local files=("$reports"/TEST-*.xml)
    [[ -e "${files[0]}" ]] || { echo 0; return; }
    awk -v key="$1" '
        match($0, /<testsuite [^>]*/) {
            suite = substr($0, RSTART, RLENGTH)
            if (match(suite, " " key "=\"[0-9]+\"")) {
                value = substr(suite, RSTART, RLENGTH); gsub(/[^0-9]/, "", value); sum += value
            }
        }
        END { print sum + 0 }' "${files[@]}"
}
tests=$(count tests)
failed=$(( $(count failures) + $(count errors) ))
skipped=$(count skipped)
# (Maven may leave its output without a final newline; the summary goes on a line of its own.)
printf '\nKotlin: %d passed, %d failed, %d skipped\n' "$((tests - failed - skipped))" "$failed" "$skipped"
exit "$status"
