#!/usr/bin/env bash
# What the agent adds to a Spring Boot application's start: the packaged Spring shop
# (samples/spring-shop) started with and without the packaged agent, interleaved, RUNS times each;
# medians of the wall time to Spring's "Started" line (its "process running for" figure: JVM start
# included), of the CPU time of the whole run (start, one traffic iteration, stop) and of the peak
# RSS, and their ratios. The agent runs with every default on (dashboard included, on a free port).
# Also the median of each round's own ratio (with / without, the two runs of a round back to back):
# on a shared machine whose speed drifts by 20-30% over minutes, it is the steadier figure.
#
#   benchmarks/start-cost.sh [RUNS]            (default 4; build the jars first:
#                                               mvn -pl agent,samples/spring-shop -am package -DskipTests)
#
# The shop needs a PostgreSQL: START_COST_JDBC_URL (default jdbc:postgresql://127.0.0.1:5432/test),
# START_COST_USER (default postgres); it drops and recreates its own schema, start_cost.
# JAVA picks the JVM (default: java on the PATH). Run it on a machine as idle as you can get: the
# figures are only worth what the machine's quiet is (the load average is printed with them).
set -euo pipefail

RUNS=${1:-4}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
AGENT=${AGENT_JAR:-$ROOT/agent/target/query-advisor-agent.jar}
SHOP=${SHOP_JAR:-$ROOT/samples/spring-shop/target/query-advisor-spring-shop.jar}
JAVA=${JAVA:-java}
URL=${START_COST_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test}
DBUSER=${START_COST_USER:-postgres}
# psql's form of the same database: postgresql://user@host:port/db
PSQL_URL=${START_COST_PSQL_URL:-postgresql://$DBUSER@${URL#jdbc:postgresql://}}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for jar in "$AGENT" "$SHOP"; do
  [ -f "$jar" ] || { echo "missing $jar: build it first (mvn -pl agent,samples/spring-shop -am package -DskipTests)" >&2; exit 2; }
done

# one run: prints "wall_seconds cpu_seconds peak_rss_kib"
run() {
  local label=$1 n=$2; shift 2
  # The same database state before every run: the previous run's schema gone and written out, so
  # that no checkpoint or autovacuum of its data lands in the middle of the next start (without
  # this, the database's own work made single starts vary by 30%, with the agent or without).
  psql -q "$PSQL_URL" -c "DROP SCHEMA IF EXISTS start_cost CASCADE" -c "CHECKPOINT" >/dev/null 2>&1 \
    || echo "(could not reset schema start_cost with psql; runs may vary more)" >&2
  sleep 2
  local out=$WORK/$label-$n.log times=$WORK/$label-$n.time
  # The start is what is measured: an iteration that failed after it (a request timed out on a
  # starved machine) is said, and the run still counts.
  /usr/bin/time -v -o "$times" "$JAVA" "$@" -jar "$SHOP" --jdbc-url "$URL" --user "$DBUSER" \
      --schema start_cost --port 0 --iterations 1 --threads 1 >"$out" 2>&1 \
    || echo "($label run $n: the shop exited non-zero after its start: $(grep -m1 'failed' "$out"))" >&2
  local wall cpu rss
  wall=$(sed -n 's/.*Started SpringShopApplication in .* (process running for \([0-9.]*\)).*/\1/p' "$out" | head -1)
  [ -n "$wall" ] || { echo "$label run $n: no Started line" >&2; tail -20 "$out" >&2; exit 1; }
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$times")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$times")
  echo "$wall $cpu $rss"
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $(seq 1 "$RUNS"); do
  # interleaved, and the order alternates, so that a drift of the machine's load hits both alike
  if (( n % 2 )); then order="without with"; else order="with without"; fi
  for label in $order; do
    if [ "$label" = with ]; then
      result=$(run with "$n" "-javaagent:$AGENT=dashboard.port=0")
    else
      result=$(run without "$n")
    fi
    echo "$label $result" | tee -a "$WORK/results"
    echo "$n $label $result" >> "$WORK/rounds"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

stat() { awk -v l="$1" -v c="$2" '$1 == l {print $c}' "$WORK/results" | median; }
printf '\n%-28s %12s %12s %8s\n' "median of $RUNS runs" without with ratio
for metric in "wall to Started (s):2" "CPU, whole run (s):3" "peak RSS (MiB):4"; do
  name=${metric%%:*} column=${metric##*:}
  a=$(stat without "$column") b=$(stat with "$column")
  if [ "$column" = 4 ]; then a=$(awk -v k="$a" 'BEGIN {printf "%.0f", k / 1024}'); b=$(awk -v k="$b" 'BEGIN {printf "%.0f", k / 1024}'); fi
  printf '%-28s %12s %12s %8s\n' "$name" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b / a}')"
done

# each round's with / without (RSS: with - without, MiB), then their medians
paired() {
  awk -v c="$1" -v mode="$2" '{v[$1, $2] = $(c + 1); n[$1] = 1}
    END {for (r in n) if (mode == "diff") printf "%.0f\n", (v[r, "with"] - v[r, "without"]) / 1024;
                      else printf "%.4f\n", v[r, "with"] / v[r, "without"]}' "$WORK/rounds" | median
}
printf '\n%-28s %12s\n' "median of the $RUNS rounds' own" "with/without"
printf '%-28s %12s\n' "wall to Started" "$(paired 2 ratio)"
printf '%-28s %12s\n' "CPU, whole run" "$(paired 3 ratio)"
printf '%-28s %12s\n' "peak RSS (MiB, with - without)" "$(paired 4 diff)"
