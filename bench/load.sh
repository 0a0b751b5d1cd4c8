#!/usr/bin/env bash
# Loopback load test: what a call through Keyway's gateway costs next to calling the upstream
# directly and next to nginx doing the same header injection. One run, one table.
#
#   bench/load.sh                     # DURATION=15s WARMUP=5s CONNECTIONS=64 THREADS=2 by default
#   DURATION=30s CONNECTIONS=128 bench/load.sh
#
# Rows: (1) nginx serving the bodies directly, (2) nginx as a reverse proxy adding
# "Authorization: Bearer <key>", (3) Keyway's gateway with a header-key collection, (4) Keyway with
# an oauth2-client-credentials collection whose token (cached) comes from the testkit sandbox.
# Each for a ~200 B JSON body and a 64 KiB body (row 4: 200 B). Servers run on CPU 0, wrk on CPU 1.
# KEYWAY_JAVA_OPTS adds JVM options to the gateway (e.g. a JFR recording, a log level).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
JVM_WARMUP="${JVM_WARMUP:-30s}" # the gateway's JIT compiles its hot paths in the first tens of seconds
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
UPSTREAM_PORT=18080
PROXY_PORT=18081
GATEWAY_PORT=18090
ADMIN_PORT=18091

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

install_missing() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]} from Debian's packages"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
install_missing
NGINX="$(command -v nginx)"

echo "building the gateway and the bench tools"
./mvnw -B -q -Pbench -pl server,bench -am package -DskipTests

# --- the upstream and the header-injecting proxy (nginx, own config, not the system's) ---------
mkdir -p "$work/www" "$work/nginx"
head -c 170 /dev/zero | tr '\0' 'x' | sed 's/.*/{"id":"cus_0123456789","object":"customer","note":"&"}/' \
  | head -c 200 > "$work/www/small.json"
python3 - "$work/www/big.json" <<'PY'
import json, sys
items = [{"id": "cus_%010d" % i, "ok": True} for i in range(3000)]
text = json.dumps({"items": items})[:65536 - 2] + "]}"
open(sys.argv[1], "w").write(text[:65536])
PY
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/"*.json # nginx's workers must read them
KEY="bench-upstream-key-0123456789"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream origin { server 127.0.0.1:$UPSTREAM_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    root $work/www;
    location / { try_files \$uri =404; }
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Authorization "Bearer $KEY";
    }
  }
}
CONF
taskset -c "$SERVER_CPU" "$NGINX" -c "$work/nginx/nginx.conf" -p "$work/nginx"
sleep 1

# --- the sandbox (token endpoint of row 4) and the gateway --------------------------------------
java -cp bench/target/benchmarks.jar dev.keyway.bench.SandboxMain > "$work/sandbox.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do grep -q '^SANDBOX=' "$work/sandbox.out" && break; sleep 0.5; done
SANDBOX="$(sed -n 's/^SANDBOX=//p' "$work/sandbox.out")"

CALLER_KEY="$(java -jar server/target/keyway.jar hash-key --new | sed -n 's/^key: *//p')"
CALLER_HASH="$(printf %s "$CALLER_KEY" | java -jar server/target/keyway.jar hash-key)"
cat > "$work/keyway.yaml" <<YAML
callers:
  bench: { key: "$CALLER_HASH", allow: ["*"] }
server:
  limits: { responseBody: 1MiB }
collections:
  headerKey:
    baseUrl: http://127.0.0.1:$UPSTREAM_PORT
    auth: { type: header-key, keyName: Authorization, key: "Bearer \${secret:upstream}" }
    calls:
      small: { path: /small.json }
      big: { path: /big.json }
  oauth2:
    baseUrl: http://127.0.0.1:$UPSTREAM_PORT
    auth:
      type: oauth2-client-credentials
      tokenEndpoint: $SANDBOX/oauth/token
      clientId: bench-client
      clientSecret: "\${secret:client}"
    calls:
      small: { path: /small.json }
YAML
KEYWAY_SECRET_UPSTREAM="$KEY" KEYWAY_SECRET_CLIENT="bench-secret-0123456789" \
  taskset -c "$SERVER_CPU" java -Xmx512m ${KEYWAY_JAVA_OPTS:-} -jar server/target/keyway.jar serve \
  --config "$work/keyway.yaml" --host 127.0.0.1 --port "$GATEWAY_PORT" --admin-port "$ADMIN_PORT" \
  > "$work/gateway.out" 2>&1 &
GATEWAY_PID=$!
pids+=("$GATEWAY_PID")
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$ADMIN_PORT/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
NGINX_WORKERS="$(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"

# --- measuring ------------------------------------------------------------------------------------
ticks() { # CPU ticks (user + system) of the given pids
  local total=0
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
HZ="$(getconf CLK_TCK)"

results="$work/results"
: > "$results"
measure() { # name url cpu-pids... ; a warm-up, then the measured run
  local name="$1" url="$2"; shift 2
  local auth=()
  [[ "$url" == *"/v1/calls/"* ]] && auth=(-H "Authorization: Bearer $CALLER_KEY")
  taskset -c "$LOAD_CPU" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${auth[@]}" "$url" >/dev/null
  local before; before="$(ticks "$@")"
  local out; out="$(taskset -c "$LOAD_CPU" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${auth[@]}" "$url")"
  local after; after="$(ticks "$@")"
  local rps; rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  local total; total="$(awk '/requests in/ {print $1}' <<<"$out")"
  local p50; p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  local p99; p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  local non2xx; non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  local cpu_us="-"
  if [ "$#" -gt 0 ] && [ "$total" -gt 0 ]; then
    cpu_us="$(awk -v t="$((after - before))" -v hz="$HZ" -v n="$total" 'BEGIN {printf "%.1f", t / hz / n * 1e6}')"
  fi
  echo "$name|$rps|$p50|$p99|$cpu_us|${non2xx:-0}" >> "$results"
}

to_ms() { # wrk latency (e.g. 512.00us, 1.23ms, 2.00s) in ms
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else print v }'
}

echo "warming the gateway's JVM up for $JVM_WARMUP per call"
for call in headerKey/small headerKey/big oauth2/small; do
  taskset -c "$LOAD_CPU" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$JVM_WARMUP" \
    -H "Authorization: Bearer $CALLER_KEY" "http://127.0.0.1:$GATEWAY_PORT/v1/calls/$call" >/dev/null
done

for body in small big; do
  measure "direct $body" "http://127.0.0.1:$UPSTREAM_PORT/$body.json"
  # shellcheck disable=SC2086
  measure "nginx proxy $body" "http://127.0.0.1:$PROXY_PORT/$body.json" $NGINX_WORKERS
  measure "keyway header-key $body" "http://127.0.0.1:$GATEWAY_PORT/v1/calls/headerKey/$body" "$GATEWAY_PID"
done
measure "keyway oauth2 small" "http://127.0.0.1:$GATEWAY_PORT/v1/calls/oauth2/small" "$GATEWAY_PID"

rss_before="$(rss_kb "$GATEWAY_PID")"
taskset -c "$LOAD_CPU" wrk -t"$THREADS" -c256 -d"$DURATION" -H "Authorization: Bearer $CALLER_KEY" \
  "http://127.0.0.1:$GATEWAY_PORT/v1/calls/headerKey/big" >/dev/null
rss_after="$(rss_kb "$GATEWAY_PID")"

# --- the table --------------------------------------------------------------------------------
echo
echo "$(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1), wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP per row, JVM warm-up $JVM_WARMUP per call)"
echo
printf '| %-22s | %9s | %6s | %8s | %6s | %8s | %6s | %12s | %7s |\n' \
  row req/s ×direct "p50 ms" ×direct "p99 ms" ×direct "CPU µs/req" non-2xx
printf '|%s|\n' "------------------------|-----------|--------|----------|--------|----------|--------|--------------|---------"
while IFS='|' read -r name rps p50 p99 cpu non2xx; do
  body="${name##* }"
  direct="$(grep "^direct $body|" "$results")"
  drps="$(cut -d'|' -f2 <<<"$direct")"
  dp50="$(to_ms "$(cut -d'|' -f3 <<<"$direct")")"
  dp99="$(to_ms "$(cut -d'|' -f4 <<<"$direct")")"
  mp50="$(to_ms "$p50")"
  mp99="$(to_ms "$p99")"
  printf '| %-22s | %9.0f | %6.2f | %8.3f | %6.2f | %8.3f | %6.2f | %12s | %7s |\n' \
    "$name" "$rps" "$(awk -v a="$rps" -v b="$drps" 'BEGIN {print a / b}')" \
    "$mp50" "$(awk -v a="$mp50" -v b="$dp50" 'BEGIN {print a / b}')" \
    "$mp99" "$(awk -v a="$mp99" -v b="$dp99" 'BEGIN {print a / b}')" \
    "$cpu" "$non2xx"
done < "$results"
echo
echo "Keyway RSS around 256 connections on the 64 KiB body: ${rss_before} kB before, ${rss_after} kB after"
