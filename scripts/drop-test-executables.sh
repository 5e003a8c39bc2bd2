#!/usr/bin/env bash
# Deletes the debug test executables (and incremental caches) from the target directory. They are
# the bulk of target/ and each is run once by its own suite; libraries and the sandbox stay, so
# the next build reuses them. Keeps a whole run of the test command within a few GiB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir="${CARGO_TARGET_DIR:-target}"
[[ -d "${target_dir}/debug/deps" ]] || exit 0
find "${target_dir}/debug/deps" "${target_dir}/debug/examples" -maxdepth 1 -type f -perm -u+x \
    ! -name '*.so' ! -name '*.dylib' ! -name 'insurup_sandbox-*' -delete 2>/dev/null || true
rm -rf "${target_dir}/debug/incremental"
