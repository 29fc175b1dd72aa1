#!/usr/bin/env bash
# Serving benchmarks (a harness, not a test): the cold burst and warm throughput against nginx.
#
#   bench/serving.sh                       # build the jar, 3 cold bursts, 2 warm A/B pairs
#   COLD_RUNS=5 PAIRS=3 PAGE=/lessons/loss bench/serving.sh
#
# 1. Cold burst: a fresh `java -jar target/stepgrad.jar` per run; poll GET /ready until 200 (when
#    the app has no /ready route, it answers 404 and we poll the page itself, and say so); then
#    300 concurrent first GETs of PAGE (curl --parallel, one connection each). Errors, p50, p99, max.
# 2. Warm throughput: the page's bytes and headers are fetched from a warmed app and served by
#    Debian's nginx from a throwaway config (loopback, daemon off, worker_processes auto,
#    access_log off, the app's own headers, no gzip either way); then wrk -t2 -c300 against the
#    app and nginx alternately, A B A B, in the same run. Requests/s, p99, errors, ratio app/nginx.
#
# Environment: PAGE, CLIENTS (300), COLD_RUNS (3), PAIRS (2), DURATION (10s), WARMUP (10s),
# SKIP_BUILD=1 (use the jar as it is), JAVA_OPTS (extra JVM flags, e.g. a JFR recording).
# Client and servers share this machine's cores: compare figures within one run.
set -euo pipefail
cd "$(dirname "$0")/.."

PAGE=${PAGE:-/lessons/chain-rule}
CLIENTS=${CLIENTS:-300}
COLD_RUNS=${COLD_RUNS:-3}
PAIRS=${PAIRS:-2}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
JAR=target/stepgrad.jar

for tool in curl wrk nginx java python3; do
  command -v "$tool" >/dev/null || { echo "serving.sh needs $tool on the PATH" >&2; exit 2; }
done
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q package -DskipTests
[ -f "$JAR" ] || { echo "no $JAR: build it with mvn -B -q package -DskipTests" >&2; exit 2; }

WORK=$(mktemp -d /tmp/stepgrad-serving.XXXXXX)
chmod 755 "$WORK" # nginx's workers run as another user and read the page from here
APP_PID=""
NGINX_PID=""
cleanup() {
  [ -z "$APP_PID" ] || kill "$APP_PID" 2>/dev/null || true
  [ -z "$NGINX_PID" ] || kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts the jar on a free port; sets APP_PID and APP_URL.
start_app() {
  local port
  port=$(free_port)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  PORT=$port java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/app-$port.log" 2>&1 &
  APP_PID=$!
  APP_URL="http://127.0.0.1:$port"
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# Polls /ready (or, when the app has none, the page itself) every 20 ms, for up to 180 s.
# Prints the probe used and the milliseconds from start to ready ("none -1" when it never was).
wait_ready() {
  local t0 code probe=/ready
  t0=$(date +%s%N)
  for _ in $(seq 9000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$APP_URL$probe" || true)
    if [ "$code" = 404 ] && [ "$probe" = /ready ]; then probe=$PAGE; continue; fi
    if [ "$code" = 200 ]; then
      echo "$probe $(( ($(date +%s%N) - t0) / 1000000 ))"
      return 0
    fi
    sleep 0.02
  done
  echo "none -1"
  echo "the app at $APP_URL was not ready after 180 s (or has stopped); the end of its log:" >&2
  tail -n 5 "$WORK/app-${APP_URL##*:}.log" >&2
}

# From "code total connect" lines (seconds): requests, errors (non-200), p50, p99, max of the
# total, and how many waited over a second to connect (a SYN the kernel dropped and the client resent).
summarise() {
  sort -k2 -g "$1" | awk '
    { n++; t[n] = $2; if ($1 != 200) e++; if ($3 >= 1) slow++ }
    function pct(p,  i) { i = int(p / 100 * n + 0.999999); if (i < 1) i = 1; return t[i] * 1000 }
    END { printf "%d %d %.0f %.0f %.0f %d\n", n, e, pct(50), pct(99), t[n] * 1000, slow }'
}

echo "Stepgrad serving benchmark: $PAGE, $CLIENTS clients, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "## Cold burst: $CLIENTS concurrent first GETs right after start (fresh process each)"
echo
printf '| run | ready probe | ready after | requests | errors | p50 | p99 | max | connect ≥ 1 s |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|\n'
for run in $(seq "$COLD_RUNS"); do
  start_app
  read -r probe ready_ms < <(wait_ready)
  if [ "$probe" = none ]; then
    printf '| %d | never ready | – | 0 | – | – | – | – | – |\n' "$run"
    stop_app
    continue
  fi
  cfg="$WORK/burst.cfg"
  : >"$cfg"
  for _ in $(seq "$CLIENTS"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$APP_URL" "$PAGE" >>"$cfg"; done
  # every transfer on its own connection at once (--parallel-immediate), as a class of browsers
  curl -s -Z --parallel-immediate --parallel-max "$CLIENTS" --max-time 60 -K "$cfg" \
    -w '%{http_code} %{time_total} %{time_connect}\n' >"$WORK/burst-$run.txt" 2>"$WORK/curl.err" || true
  read -r n errors p50 p99 max slow < <(summarise "$WORK/burst-$run.txt")
  note=$([ "$probe" = /ready ] && echo "/ready" || echo "page (no /ready)")
  printf '| %d | %s | %d ms | %d | %d | %d ms | %d ms | %d ms | %d |\n' "$run" "$note" "$ready_ms" "$n" "$errors" "$p50" "$p99" "$max" "$slow"
  stop_app
done

echo
echo "## Warm: wrk -t2 -c$CLIENTS -d$DURATION, the same bytes from the app and from nginx, alternating"
echo
start_app
read -r probe _ < <(wait_ready)
[ "$probe" != none ] || { echo "the app for the warm runs was never ready" >&2; exit 1; }
wrk -t2 -c"$CLIENTS" -d"$WARMUP" "$APP_URL$PAGE" >/dev/null # the JIT and the page cache, as after a first class
curl -s -D "$WORK/headers.txt" -o "$WORK/page.bin" "$APP_URL$PAGE"

# nginx serves the same file under the same path, with the app's headers (its own ETag and
# Last-Modified off, so both send one ETag and the same header set).
mkdir -p "$WORK/nginx/root$(dirname "$PAGE")" "$WORK/nginx/tmp"
cp "$WORK/page.bin" "$WORK/nginx/root$PAGE"
chmod -R a+rX "$WORK/nginx"
NGINX_PORT=$(free_port)
content_type=$(tr -d '\r' <"$WORK/headers.txt" | awk -F': ' 'tolower($1) == "content-type" { print $2 }')
tr -d '\r' <"$WORK/headers.txt" | awk -F': ' 'NR > 1 && NF > 1 {
    h = tolower($1)
    if (h == "date" || h == "content-length" || h == "content-type" || h == "server" || h == "connection") next
    v = substr($0, length($1) + 3); gsub(/"/, "\\\"", v)
    printf "      add_header %s \"%s\" always;\n", $1, v
  }' >"$WORK/nginx/headers.conf"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  gzip off;
  etag off;
  server_tokens off;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT backlog=4096;
    root $WORK/nginx/root;
    location / {
      types { }
      default_type "$content_type";
      add_header Last-Modified "" always;
      include $WORK/nginx/headers.conf;
    }
  }
}
EOF
nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 250); do curl -s -o /dev/null "$NGINX_URL$PAGE" && break; sleep 0.02; done
curl -s -o "$WORK/nginx.bin" "$NGINX_URL$PAGE"
cmp -s "$WORK/page.bin" "$WORK/nginx.bin" || { echo "nginx does not serve the app's bytes" >&2; exit 1; }
echo "Same bytes both ways: $(wc -c <"$WORK/page.bin") bytes of $content_type, no gzip."
echo

# CPU seconds (user + system, in clock ticks) the given processes have used so far.
ticks() {
  local t=0 p f
  for p in "$@"; do read -r -a f <"/proc/$p/stat"; t=$((t + f[13] + f[14])); done
  echo "$t"
}

# Requests/s, p99, errors (socket errors + non-2xx answers) and the server's CPU µs per request
# (summed over the given server processes; less sensitive than requests/s to other load on the machine).
measure() {
  local url=$1 t0 t1
  shift
  t0=$(ticks "$@")
  wrk -t2 -c"$CLIENTS" -d"$DURATION" --latency "$url" >"$WORK/wrk.txt"
  t1=$(ticks "$@")
  awk -v dt=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ { n = $1 }
    /Requests\/sec/ { rps = $2 }
    $1 == "99%" { p99 = $2 }
    /Socket errors/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 }
    /Non-2xx/ { e += $NF }
    END { printf "%s %s %d %.1f\n", rps, p99, e, (n > 0 ? dt * 1e6 / hz / n : 0) }' "$WORK/wrk.txt"
}
NGINX_WORKERS=$(cat /proc/"$NGINX_PID"/task/*/children)
printf '| pair | app req/s | app p99 | app errors | app CPU/req | nginx req/s | nginx p99 | nginx errors | nginx CPU/req | app/nginx req/s |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for pair in $(seq "$PAIRS"); do
  read -r a_rps a_p99 a_err a_cpu < <(measure "$APP_URL$PAGE" "$APP_PID")
  # shellcheck disable=SC2086 # one pid per worker
  read -r n_rps n_p99 n_err n_cpu < <(measure "$NGINX_URL$PAGE" $NGINX_WORKERS)
  ratio=$(awk -v a="$a_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '| %d | %.0f | %s | %d | %s µs | %.0f | %s | %d | %s µs | %s× |\n' "$pair" "$a_rps" "$a_p99" "$a_err" "$a_cpu" \
    "$n_rps" "$n_p99" "$n_err" "$n_cpu" "$ratio"
done
echo
echo "Machine load after the run: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min); figures from a busy machine are low."
