#!/usr/bin/env bash
# Supply chain: known vulnerabilities and yanked releases in every dependency tree.
#
#   scripts/test-supply-chain.sh               # rust, python, node
#   scripts/test-supply-chain.sh rust node     # only some
#
# rust    cargo deny check (advisories, licences, bans, sources) on the workspace, and advisories on
#         fuzz/, against a snapshot of the RustSec advisory database, without fetching it. The
#         snapshot is $INSURUP_ADVISORY_DB, else ../shared/advisory-db beside the repository; without
#         one the suite fails. GitHub's security workflow checks the live database instead.
# python  pip-audit (PyPI's vulnerability data) over the test environment .venv made by
#         scripts/test-python.sh, over bench/.venv when bench/run.sh has made it, and over the
#         wheel's runtime dependencies.
# node    npm audit over bindings-node/package-lock.json, dev dependencies included.
#
# Any finding fails the suite: fix it (upgrade) or record why it does not apply (deny.toml for
# Rust, python_ignores below for Python). A vulnerability service that does not answer is reported
# as NOT AUDITED in the summary and fails the suite only with INSURUP_AUDIT_STRICT=1, which the
# security workflow sets: some machines reach the registries through a proxy that serves packages
# but refuses the audit endpoints. Tools are pinned and installed into target/tools.
set -euo pipefail
cd "$(dirname "$0")/.."

deny_version=0.20.2
pip_audit_version=2.10.0
# cargo-deny opens the database of each db-urls entry at <db-path>/<last url segment>-<hash of the
# url>; this is the name for https://github.com/rustsec/advisory-db (deny.toml) in cargo-deny 0.20.
deny_db_dir=advisory-db-3157b0e258782691
# Python advisories that do not apply, as pip-audit --ignore-vuln arguments, each with its reason.
python_ignores=()

work="$PWD/target/supply-chain"
mkdir -p "$work" target/tools
export PATH="$PWD/target/tools/bin:$PATH"

summary=()
failed=0
unaudited=0
fail() { summary+=("$1"); failed=1; }
not_audited() { summary+=("$1"); unaudited=1; }

check_rust() {
    local snapshot="${INSURUP_ADVISORY_DB:-$(cd .. && pwd)/shared/advisory-db}"
    if [ ! -d "$snapshot/crates" ]; then
        echo "error: no RustSec advisory database at ${snapshot}" >&2
        echo "  Point INSURUP_ADVISORY_DB at a copy of https://github.com/rustsec/advisory-db" >&2
        echo "  (CONTRIBUTING.md, \"Supply chain\", says how to make and refresh one)." >&2
        exit 1
    fi
    snapshot="$(cd "$snapshot" && pwd)"

    echo "==> RustSec advisory database: ${snapshot}"
    local date="" commit=""
    if [ -f "$snapshot/SNAPSHOT.txt" ]; then
        head -n 1 "$snapshot/SNAPSHOT.txt"
        date=$(grep -oE '\(20[0-9]{2}-[0-9]{2}-[0-9]{2}\)' "$snapshot/SNAPSHOT.txt" | head -n 1 | tr -d '()' || true)
        commit=$(grep -oE '\b[0-9a-f]{40}\b' "$snapshot/SNAPSHOT.txt" | head -n 1 || true)
    elif git -C "$snapshot" rev-parse --git-dir >/dev/null 2>&1; then
        date=$(git -C "$snapshot" log -1 --format=%cs)
        commit=$(git -C "$snapshot" rev-parse HEAD)
    fi
    if [ -z "$date" ]; then
        echo "error: cannot tell the date of the snapshot (no SNAPSHOT.txt, not a git clone)" >&2
        exit 1
    fi
    local advisories age
    advisories=$(find "$snapshot/crates" -name 'RUSTSEC-*.md' ! -name 'RUSTSEC-0000-0000.md' | wc -l)
    age=$(( ($(date -u +%s) - $(date -u -d "$date" +%s)) / 86400 ))
    echo "    ${advisories} advisories, commit ${commit:-unknown} of ${date} (${age} days old)"
    local stale=""
    if [ "$age" -gt 90 ]; then
        stale=", snapshot ${age} days old"
        echo "    WARNING: advisories published after ${date} are not checked here; refresh the" \
            "snapshot (CONTRIBUTING.md). GitHub's security workflow uses the live database."
    fi

    # cargo-deny only reads a database that is a git repository; the snapshot is a plain, read-only
    # tree. Copy it into one, rebuilt only when the snapshot changes.
    local dbs="$work/advisory-dbs"
    local stamp
    stamp=$(cd "$snapshot" && find . -path ./.git -prune -o -type f -printf '%P %s %T@\n' | LC_ALL=C sort | sha256sum)
    if [ ! -d "$dbs/$deny_db_dir/.git" ] || [ "$(cat "$dbs/stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "==> copy the snapshot into a git repository for cargo-deny (${dbs#"$PWD"/})"
        rm -rf "$dbs"
        mkdir -p "$dbs"
        cp -R "$snapshot" "$dbs/$deny_db_dir"
        chmod -R u+w "$dbs/$deny_db_dir"
        rm -rf "$dbs/$deny_db_dir/.git"
        (
            cd "$dbs/$deny_db_dir"
            git init -q -b main
            git add -A
            GIT_AUTHOR_DATE="${date}T00:00:00Z" GIT_COMMITTER_DATE="${date}T00:00:00Z" \
                git -c user.name=advisory-db -c user.email=advisory-db@localhost -c commit.gpgsign=false \
                commit -q -m "advisory-db snapshot ${commit:-unknown} (${date})"
        )
        echo "$stamp" >"$dbs/stamp"
    fi
    # deny.toml, with its db-path line pointed at the copy (same line numbers in diagnostics).
    if [ "$(grep -c '^db-path = ' deny.toml)" != 1 ]; then
        echo "error: deny.toml needs exactly one 'db-path = ...' line under [advisories]" >&2
        exit 1
    fi
    sed "s|^db-path = .*|db-path = \"${dbs}\"|" deny.toml >"$work/deny.toml"

    if [ "$(cargo-deny --version 2>/dev/null)" != "cargo-deny ${deny_version}" ]; then
        echo "==> cargo install cargo-deny ${deny_version} (into target/tools)"
        # A debug build: CI machines start cold, and it builds in a third of the time of a release
        # build (fat LTO) for a check that then takes a few seconds instead of one.
        cargo install --locked --force --debug --root target/tools --no-default-features "cargo-deny@${deny_version}"
    fi

    # --offline keeps cargo-deny off the network (no database fetch), so every crate of the graph,
    # for every target, has to be in cargo's cache first. Yanked releases are looked up in cargo's
    # cached index, which these fetches bring up to date on a fresh machine.
    echo "==> cargo fetch --locked (workspace and fuzz/)"
    cargo fetch --locked --quiet
    if ! cargo fetch --locked --quiet --manifest-path fuzz/Cargo.toml; then
        echo "error: fuzz/Cargo.lock is out of date; refresh it with" \
            "\`cargo update --workspace --manifest-path fuzz/Cargo.toml\` and commit it" >&2
        exit 1
    fi

    local deny=(cargo deny --offline --locked --config "$work/deny.toml" -L info)
    local status=0 log="$work/deny-workspace.log"
    echo "==> cargo deny check: advisories, licenses, bans, sources (workspace)"
    "${deny[@]}" check --show-stats --hide-inclusion-graph 2>&1 | tee "$log" || status=$?
    local crates findings ignored
    crates=$(sed -n 's/.*gathered \([0-9]*\) crates.*/\1/p' "$log" | head -n 1)
    findings=$(sed -n 's/^ *advisories [A-Za-z]*: \([0-9]*\) errors.*/\1/p' "$log")
    ignored=$(grep -c '^note\[advisory-ignored\]' "$log" || true)

    local fuzz_status=0 fuzz_log="$work/deny-fuzz.log"
    echo "==> cargo deny check advisories (fuzz/)"
    # (deny.toml's ignores are for the workspace; one fuzz/ does not hit is no news.)
    "${deny[@]}" --manifest-path fuzz/Cargo.toml check --show-stats --hide-inclusion-graph \
        --allow advisory-not-detected advisories 2>&1 |
        tee "$fuzz_log" || fuzz_status=$?
    local fuzz_crates fuzz_findings
    fuzz_crates=$(sed -n 's/.*gathered \([0-9]*\) crates.*/\1/p' "$fuzz_log" | head -n 1)
    fuzz_findings=$(sed -n 's/^ *advisories [A-Za-z]*: \([0-9]*\) errors.*/\1/p' "$fuzz_log")

    local line="rust: ${advisories} advisories (${date}${stale}); workspace ${crates:-?} crates, ${findings:-?} findings, ${ignored} ignored in deny.toml; fuzz/ ${fuzz_crates:-?} crates, ${fuzz_findings:-?} findings"
    if [ "$status" -ne 0 ] || [ "$fuzz_status" -ne 0 ]; then
        fail "${line}: FAILED (see the cargo deny output above)"
    else
        summary+=("$line")
    fi
}

check_python() {
    local audit_env=target/tools/pip-audit
    if [ "$("$audit_env/bin/pip-audit" --version 2>/dev/null)" != "pip-audit ${pip_audit_version}" ]; then
        echo "==> pip install pip-audit ${pip_audit_version} (into ${audit_env})"
        rm -rf "$audit_env"
        python3 -m venv "$audit_env"
        "$audit_env/bin/python" -m pip install --quiet --disable-pip-version-check "pip-audit==${pip_audit_version}"
    fi

    # What to audit: requirement files, each pinned exactly (pip freeze) except the wheel's own.
    local files=()
    echo "==> the insurup wheel's runtime dependencies (bindings-python/pyproject.toml)"
    "$audit_env/bin/python" - bindings-python/pyproject.toml "$work/python-wheel.txt" <<'EOF'
import sys
try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib
with open(sys.argv[1], "rb") as f:
    deps = tomllib.load(f)["project"].get("dependencies", [])
with open(sys.argv[2], "w") as out:
    out.writelines(dep + "\n" for dep in deps)
print("    " + (", ".join(deps) if deps else "none: the wheel needs only the standard library"))
EOF
    local packages
    packages="wheel $(wc -l <"$work/python-wheel.txt") runtime dependencies"
    if [ -s "$work/python-wheel.txt" ]; then
        files+=("$work/python-wheel.txt")
    fi

    local envs=(.venv) env
    if [ -x bench/.venv/bin/python ]; then
        envs+=(bench/.venv)
    else
        echo "    (bench/.venv not found: the benchmark environment, made by bench/run.sh, is not audited)"
    fi
    for env in "${envs[@]}"; do
        if [ ! -x "$env/bin/python" ]; then
            fail "python: FAILED: no ${env}; scripts/test-python.sh makes the test environment (scripts/test-all.sh runs it first)"
            return
        fi
        local name="python-${env//[^a-z]/}.txt"
        echo "==> pip freeze --all ${env} (the insurup package itself excluded)"
        "$env/bin/python" -m pip freeze --all --disable-pip-version-check --exclude insurup >"$work/$name"
        echo "    $(wc -l <"$work/$name") packages"
        packages+=", ${env} $(wc -l <"$work/$name") packages"
        files+=("$work/$name")
    done

    # pip-audit asks https://pypi.org/pypi/<name>/<version>/json for each package, and counts a
    # package it gets no answer for as "not found" rather than failing: ask once for a release that
    # exists, so that a service which cannot answer is reported as such.
    echo "==> is PyPI's vulnerability API answering?"
    local answer
    answer=$("$audit_env/bin/python" - "$pip_audit_version" <<'EOF'
import sys, urllib.error, urllib.request
url = f"https://pypi.org/pypi/pip-audit/{sys.argv[1]}/json"
try:
    with urllib.request.urlopen(url, timeout=20) as response:
        print("ok" if "vulnerabilities" in response.read().decode() else f"{url}: no vulnerability data")
except urllib.error.HTTPError as error:
    print(f"{url} answered HTTP {error.code}")
except OSError as error:
    print(f"{url}: {error}")
EOF
)
    if [ "$answer" != ok ]; then
        echo "    NO: ${answer}"
        not_audited "python: NOT AUDITED (${packages}): PyPI's vulnerability API does not answer from here (${answer})"
        return
    fi
    echo "    yes"

    local status=0 file args
    for file in "${files[@]}"; do
        echo "==> pip-audit ${file#"$PWD"/}"
        args=(-s pypi --strict --progress-spinner off --desc on -r "$file" "${python_ignores[@]}")
        # Frozen environments are complete and pinned: audit them as they are, without resolving.
        if [ "$file" != "$work/python-wheel.txt" ]; then
            args+=(--no-deps --disable-pip)
        fi
        "$audit_env/bin/pip-audit" "${args[@]}" || status=$?
    done
    if [ "$status" -ne 0 ]; then
        fail "python: FAILED (${packages}): see the pip-audit output above"
    else
        summary+=("python: ${packages}: no known vulnerabilities")
    fi
}

check_node() {
    # The package itself has no npm dependencies (only devDependencies), and examples/node only
    # depends on the package, so bindings-node's lock file is the whole Node tree.
    echo "==> npm audit --package-lock-only (bindings-node, dev dependencies included)"
    local status=0 report="$work/npm-audit.json"
    (cd bindings-node && npm audit --package-lock-only --include=dev --json) >"$report" 2>"$work/npm-audit.err" || true
    node - "$report" bindings-node/package-lock.json <<'EOF' || status=$?
const fs = require('node:fs')
const lock = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))
const packages = Object.entries(lock.packages).filter(([path]) => path !== '')
const dev = packages.filter(([, p]) => p.dev).length
console.log(`    lock: ${packages.length} packages, ${dev} of them dev only`)
let report
try {
  report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
} catch {
  report = {}
}
const counts = report.metadata && report.metadata.vulnerabilities
if (!counts) {
  console.log(`    NO ANSWER: ${report.message || (report.error && report.error.summary) || 'npm audit gave no report'}`)
  process.exit(3)
}
console.log(`    ${Object.entries(counts).map(([level, n]) => `${level} ${n}`).join(', ')}`)
process.exit(counts.total > 0 ? 1 : 0)
EOF
    local packages
    packages=$(node -e 'console.log(Object.keys(require("./bindings-node/package-lock.json").packages).length - 1)')
    case "$status" in
        0) summary+=("node: bindings-node lock ${packages} packages: no known vulnerabilities") ;;
        3) not_audited "node: NOT AUDITED (bindings-node lock ${packages} packages): the npm registry does not answer audit requests from here ($(node -e 'try { console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).message) } catch { console.log("no report") }' "$report"))" ;;
        *)
            (cd bindings-node && npm audit --package-lock-only --include=dev) || true
            fail "node: FAILED (bindings-node lock ${packages} packages): see the npm audit report above"
            ;;
    esac
}

parts=("$@")
if [ "${#parts[@]}" -eq 0 ]; then
    parts=(rust python node)
fi
for part in "${parts[@]}"; do
    case "$part" in
        rust) check_rust ;;
        python) check_python ;;
        node) check_node ;;
        *)
            echo "usage: $0 [rust] [python] [node]" >&2
            exit 2
            ;;
    esac
done

echo
echo "==> supply-chain summary"
printf '  %s\n' "${summary[@]}"
if [ "$unaudited" -ne 0 ]; then
    if [ "${INSURUP_AUDIT_STRICT:-0}" = 1 ]; then
        echo "  (INSURUP_AUDIT_STRICT=1: a tree that could not be audited fails the suite)"
        failed=1
    else
        echo "  (NOT AUDITED trees do not fail the suite here; INSURUP_AUDIT_STRICT=1 makes them fail)"
    fi
fi
exit "$failed"
