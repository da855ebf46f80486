#!/usr/bin/env bash
# Serves one build from 1, 2 and 3 kg serve replicas behind HAProxy (bench/haproxy.cfg) on the
# loopback address, and measures it with kg bench query through HAProxy:
#   1. throughput with 1, 2 and 3 replicas;
#   2. one replica killed (kill -9) in the middle of a run: the failed requests are counted;
#   3. a new build rolled out replica by replica while a run goes on: no request may fail.
# Each replica opens its own copy of the build folder (the unit you copy or ship), with
# `kg serve --no-build`. Needs haproxy (Debian: apt-get install haproxy).
#
# Usage: bench/replicas.sh [--articles N] [--seconds S] [--clients C] [--queries a,b] [--work DIR]
#   defaults: 200 articles (a smoke test; 25000 is about the 10-million-quad graph), 5 s, 4 clients.
# Prints the figures; the logs stay in the work folder.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
articles=200 seconds=5 clients=4 queries="roles-at,investments-in,entity-timeline" work=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n 2,14p "$0"; exit 0 ;;
    *) echo "replicas.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v haproxy >/dev/null || { echo "replicas.sh: haproxy is missing (apt-get install haproxy)" >&2; exit 1; }
work="${work:-$home/var/bench/replicas}"
mkdir -p "$work"
kg="$home/kg"
lb_port=${KG_LB_PORT:-8380}
ports=(3581 3582 3583)
export KG_LB="127.0.0.1:$lb_port" KG_HAPROXY_SOCK="$work/haproxy.sock"
pids=()
haproxy_pid=""

stop_all() {
  for p in "${pids[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
  [[ -n "$haproxy_pid" ]] && kill "$haproxy_pid" 2>/dev/null || true
}
trap stop_all EXIT

# The graph the benchmark measures (built once, reused): kg bench query keeps it in
# $work/query-$articles-1/store; its current build is the published build.
bench() { # bench LABEL [more options]: kg bench query through HAProxy
  local label="$1"; shift
  "$kg" bench query --articles "$articles" --work "$work" --queries "$queries" --clients "$clients" \
    --seconds "$seconds" --endpoint "http://$KG_LB/" "$@" > "$work/bench-$label.md" 2> "$work/bench-$label.log"
}
published() { readlink -f "$work/query-$articles-1/store/current"; }
if [[ ! -e "$work/query-$articles-1/store/current" ]]; then
  echo "building the graph of $articles articles (once)..."
  "$kg" bench query --articles "$articles" --work "$work" --queries roles-at --clients 1 --seconds 0.2 > /dev/null 2> "$work/first-build.log"
fi

# install BUILD into replica I's store: a copy of the folder, then the link switched atomically.
# The copy runs at the lowest CPU and I/O priority, as shipping a build to a serving machine
# should: at 10 M quads it is gigabytes, and at normal priority it starved HAProxy and the replicas.
install_build() {
  local i="$1" build="$2" store="$work/replica-$1"
  mkdir -p "$store/builds"
  local name; name="$(basename "$build")"
  if [[ ! -d "$store/builds/$name" ]]; then
    nice -n 19 ionice -c 3 cp -r "$build" "$store/builds/$name.tmp"
    mv "$store/builds/$name.tmp" "$store/builds/$name"
  fi
  ln -sfn "builds/$name" "$store/current.tmp" && mv -T "$store/current.tmp" "$store/current"
}

start_replica() { # start_replica I
  local i="$1" port="${ports[$(( $1 - 1 ))]}"
  # a 30 s timeout, not the default 5 s: the whole timeline of the most mentioned entity takes
  # longer, and a timed-out query would count as a failed request beside those of the kill and rollout
  "$kg" serve --no-build --store "$work/replica-$i" --port "$port" --trusted-proxy 127.0.0.1 --timeout 30 \
    --max-queries 4 --max-queries-per-client 4 > "$work/replica-$i.log" 2>&1 &
  pids[$i]=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/\$/ping" > /dev/null && return 0
    sleep 0.5
  done
  echo "replicas.sh: replica $i did not start (see $work/replica-$i.log)" >&2; exit 1
}

start_haproxy() { # start_haproxy N: HAProxy in front of replicas 1..N
  [[ -n "$haproxy_pid" ]] && kill "$haproxy_pid" 2>/dev/null && wait "$haproxy_pid" 2>/dev/null || true
  unset KG_REPLICA_1 KG_REPLICA_2 KG_REPLICA_3
  for i in $(seq 1 "$1"); do export "KG_REPLICA_$i=127.0.0.1:${ports[$(( i - 1 ))]}"; done
  haproxy -f "$home/bench/haproxy.cfg" -db > "$work/haproxy.log" 2>&1 &
  haproxy_pid=$!
  for _ in $(seq 1 40); do curl -sf "http://$KG_LB/\$/ping" > /dev/null && sleep 1.5 && return 0; sleep 0.25; done
  echo "replicas.sh: haproxy did not start (see $work/haproxy.log)" >&2; exit 1
}

errors() { # errors LABEL: the failed requests of a run (the errors column of its tables)
  awk -F'|' '/^\| / && $2 !~ /query|floor|target|---/ { n += $(NF-1) } END { print n + 0 }' "$work/bench-$1.md"
}
throughput() { # throughput LABEL: queries per second through /api/ with the clients, the mean over the queries' series
  awk -F'|' -v c="$clients" '/^\| [a-z]/ && $3 ~ /[a-z-]/ && $4+0 == c && $5+0 > 0 { n += $5; k++ } END { printf "%.1f", k ? n / k : 0 }' "$work/bench-$1.md"
}

build="$(published)"
echo "build: $build"
for i in 1 2 3; do install_build "$i" "$build"; start_replica "$i"; done
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "1. throughput through HAProxy ($clients clients, $seconds s per series; mean q/s of the queries' series through /api/):"
for n in 1 2 3; do
  start_haproxy "$n"
  bench "replicas-$n"
  echo "   $n replica(s): $(throughput "replicas-$n") q/s, $(errors "replicas-$n") failed requests   ($work/bench-replicas-$n.md)"
done

echo "2. replica 2 killed (kill -9) in the middle of a run, 3 replicas:"
bench "kill" &
bench_pid=$!
sleep "$(awk -v s="$seconds" 'BEGIN { print s * 1.5 + 4 }')"
kill -9 "${pids[2]}"; pids[2]=""
wait "$bench_pid"
echo "   failed requests: $(errors kill)   ($work/bench-kill.md; HAProxy retries the ones in flight)"
install_build 2 "$build"; start_replica 2; sleep 2

echo "3. a new build rolled out replica by replica during a run:"
# built before the run, at low priority: on a fleet the build is made elsewhere and shipped
nice -n 10 "$kg" build --data "$work/query-$articles-1/data" --store "$work/publish" --no-corpus > "$work/publish.log" 2>&1
new="$(readlink -f "$work/publish/current")"
bench "rollout" &
bench_pid=$!
sleep 4
for i in 1 2 3; do
  install_build "$i" "$new"
  # the replica swaps the new build in within a second, without downtime; wait until it serves it
  for _ in $(seq 1 60); do grep -q "$(basename "$new")" "$work/replica-$i.log" && break; sleep 0.5; done
  echo "   replica $i serves $(basename "$new")"
  sleep 2
done
wait "$bench_pid"
echo "   failed requests: $(errors rollout)   ($work/bench-rollout.md)"
