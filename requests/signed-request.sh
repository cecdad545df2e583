#!/usr/bin/env bash
# A partner app's signed request with nothing but openssl and curl (README, "Partner apps").
# Usage: APP=app_... SECRET=<64 hex digits> bash requests/signed-request.sh [METHOD PATH [QUERY [BODY]]]
#   QUERY as sent and as signed: pairs sorted by name then value, RFC 3986 encoded (a=1&b=x%20y), or ''.
set -euo pipefail
URL=${URL:-http://127.0.0.1:8080}
METHOD=${1:-GET}
REQ_PATH=${2:-/api/admin/apps}
QUERY=${3:-}
BODY=${4:-}
TS=$(date +%s)
NONCE=$(openssl rand -hex 16)
BODY_HASH=$(printf '%s' "$BODY" | openssl dgst -sha256 -r | cut -d' ' -f1)
SIG=$(printf '%s\n%s\n%s\n%s\n%s\n%s' "$METHOD" "$REQ_PATH" "$QUERY" "$BODY_HASH" "$TS" "$NONCE" \
  | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$SECRET" -binary | base64)
curl -sS -X "$METHOD" "$URL$REQ_PATH${QUERY:+?$QUERY}" \
  -H "X-Marquee-App: $APP" -H "X-Marquee-Timestamp: $TS" -H "X-Marquee-Nonce: $NONCE" \
  -H "X-Marquee-Signature: $SIG" \
  ${BODY:+-H 'Content-Type: application/json' --data-binary "$BODY"}
