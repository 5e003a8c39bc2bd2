#!/usr/bin/env bash
# Contract test: runs schemathesis against the sandbox's own `GET /openapi.json`, once per dialect,
# and fails on any 5xx or any answer that violates the document. A short profile (bounded examples
# per operation, no stateful phase) keeps it to a couple of minutes on two cores.
#
#   sandbox/contract-test.sh                 # every dialect
#   sandbox/contract-test.sh vendor-sdk      # some dialects
#
# Environment: CARGO_TARGET_DIR (where the sandbox binary is built; default target/),
# CONTRACT_TEST_EXAMPLES (examples per operation and phase; default 20),
# CONTRACT_TEST_SEED (default 1, so a run can be replayed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
venv="$root/target/contract-test-venv"
examples="${CONTRACT_TEST_EXAMPLES:-20}"
seed="${CONTRACT_TEST_SEED:-1}"
report_dir="$root/target/contract-test"
dialects=("$@")
if [ ${#dialects[@]} -eq 0 ]; then
  dialects=(guide graphql-docs vendor-sdk)
fi

if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis==4.32.*"
fi

cargo build --quiet -p insurup-sandbox --bin insurup-sandbox
binary="$target/debug/insurup-sandbox"
mkdir -p "$report_dir"

# Checks one dialect against a sandbox of its own; exits non-zero if the contract is broken.
# The dialects run at once: each run is mostly one core waiting on the other's answers.
check_dialect() {
  local dialect="$1"
  trap 'kill "$sandbox" 2>/dev/null; wait "$sandbox" 2>/dev/null' EXIT
  out="$report_dir/$dialect.urls"
  "$binary" --dialect "$dialect" --latency-scale 0 --generated-policies 20 >"$out" 2>"$report_dir/$dialect.sandbox.log" &
  sandbox=$!
  for _ in $(seq 1 100); do
    [ -s "$out" ] && break
    sleep 0.1
  done
  base="$(head -n 1 "$out")"
  if [ -z "$base" ]; then
    echo "the $dialect sandbox did not start; see $report_dir/$dialect.log" >&2
    exit 1
  fi
  token="$(curl -fsS -X POST "$base/api/authentication:agent-user/login" \
    -H 'content-type: application/json' \
    -d '{"email":"agent@sandbox.insurup.test","password":"sandbox-password"}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])')"

  # Real ids for the path parameters, so operations are exercised past their 404s.
  config="$report_dir/$dialect.toml"
  "$venv/bin/python" - "$base" "$token" "$dialect" >"$config" <<'PYTHON'
import json, sys, time, urllib.request

base, token, dialect = sys.argv[1:4]

def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None

customer = call("POST", "/api/customers", {
    "$type": "individual", "identityNumber": "11111111110", "fullName": "AHMET YILMAZ",
    "birthDate": "1990-01-01", "cityReference": "34", "districtReference": "1823"})["id"]
guide = dialect == "guide"
vehicle_body = ({"plate": "34ABC123", "year": 2021, "brandCode": "139", "modelCode": "139014",
                 "utilizationStyle": "PRIVATE_CAR"} if guide else
                {"customerId": customer, "plate": {"city": 34, "code": "ABC123"}, "modelYear": 2021,
                 "brandReference": "139", "modelTypeReference": "139014", "utilizationStyle": "PRIVATE_CAR"})
vehicle = call("POST", f"/api/customers/{customer}/vehicles", vehicle_body)["id"]
prop = call("POST", f"/api/customers/{customer}/properties", {
    "propertyNumber": 1234567890, "squareMeter": 120, "constructionYear": 2005,
    "utilizationStyle": "HOUSE", "ownershipType": "PROPRIETOR"})["id"]
proposal_body = ({"type": "kasko", "customerId": customer, "insuredCustomerId": customer,
                  "vehicleId": vehicle, "channel": "website"} if guide else
                 {"$type": "kasko", "productBranch": "KASKO", "insurerCustomerId": customer,
                  "insuredCustomerId": customer, "vehicleId": vehicle, "channel": "WEBSITE"})
proposal = call("POST", "/api/proposals", proposal_body)["proposalId"]
for _ in range(100):
    detail = call("GET", f"/api/proposals/{proposal}")
    if detail["state"] != "WAITING":
        break
    time.sleep(0.05)
active = [p["id"] for p in detail["products"] if p["state"] == "ACTIVE"]
bought, product = active[0], active[-1]
policy = call("POST", f"/api/proposals/{proposal}/products/{bought}/purchase/sync", {
    "$type": "credit-card", "installmentNumber": 1, "card": {"number": "4242424242424242",
    "cvc": "123", "expiryMonth": "12", "expiryYear": "2030", "holderName": "AHMET YILMAZ"}})["policyId"]
case = call("POST", "/api/cases:new-sale-opportunity", {"customerId": customer, "productBranch": "KASKO"})
case = case if isinstance(case, str) else case["id"]
webhook = call("POST", "/api/webhooks", {"url": "https://crm.example.com/hooks",
    "events": ["policy.created" if guide else "POLICY_CREATED"], "secret": None})["id"]

ids = {"customer": customer, "vehicle": vehicle, "property": prop, "proposal": proposal,
       "product": product, "policy": policy, "case": case, "webhook": webhook}
operations = [
    ("^/api/customers/[{]id[}]", {"id": customer, "vehicleId": vehicle, "propertyId": prop}),
    ("^/api/proposals/[{]id[}]", {"id": proposal, "productId": product, "installmentNumber": 1}),
    ("^/api/policies/[{]id[}]", {"id": policy}),
    ("^/api/cases/[{]ref[}]", {"ref": case}),
    ("^/api/webhooks/[{]id[}]", {"id": webhook}),
]
for pattern, params in operations:
    print("[[operations]]")
    print(f'include-path-regex = "{pattern}"')
    print("parameters = { " + ", ".join(f'"path.{k}" = {json.dumps(v)}' for k, v in params.items()) + " }")
    print()
PYTHON

  echo "== $dialect: $base"
  log="$report_dir/$dialect.schemathesis.log"
  # Each dialect in a directory of its own: schemathesis keeps its cache in the working directory.
  mkdir -p "$report_dir/$dialect"
  run_schemathesis() {
    (cd "$report_dir/$dialect" && "$venv/bin/schemathesis" --config-file "$config" run "$base/openapi.json" \
      --header "Authorization: Bearer $token" \
      --checks not_a_server_error,response_schema_conformance \
      --phases examples,coverage,fuzzing \
      --max-examples "$examples" \
      --seed "$seed" \
      --workers 2 \
      --warnings missing_test_data \
      --report junit --report-junit-path "$report_dir/$dialect.junit.xml") >"$log" 2>&1
    local status=$?
    cat "$log"
    return "$status"
  }
  if ! run_schemathesis; then
    # schemathesis can crash inside its own case generation (a "Runtime Error" with no check
    # failed): that says nothing about the sandbox, so such a run is repeated once. A failed
    # check is never retried.
    if grep -q "Runtime Error" "$log" && ! grep -Eq "[0-9]+ failed" "$log"; then
      echo "== $dialect: schemathesis itself crashed and no check failed; running it once more"
      run_schemathesis || return 1
    else
      return 1
    fi
  fi
}

jobs=()
for dialect in "${dialects[@]}"; do
  # A subshell each, so each one's EXIT trap stops its own sandbox.
  ( check_dialect "$dialect" ) >"$report_dir/$dialect.out" 2>&1 &
  jobs+=("$!")
done
failed=()
for i in "${!dialects[@]}"; do
  wait "${jobs[$i]}" || failed+=("${dialects[$i]}")
  cat "$report_dir/${dialects[$i]}.out"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "contract test failed in: ${failed[*]}" >&2
  exit 1
fi
echo "contract test passed in: ${dialects[*]}"
