#!/usr/bin/env bash
# Start soak check (issue 14, item 5), run by hand, never by the build: starts a small JDBC
# application with the agent N times and counts the starts whose log says capture is off (the
# race fixed by OwnClassesSkipped showed on about 2% of starts). Also reports the agent's own start
# time (premain to "started in N ms") over the runs: min, median, max.
#
#   benchmarks/start-soak.sh [N]            N defaults to 300
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/start-soak.sh 100
#   AGENT=path/to/query-advisor-agent.jar (default agent/target/query-advisor-agent.jar; build it
#   first: mvn -o -q -pl agent -am package -DskipTests)
#
# Exits 1 if any start had capture off. Run from the repository's root.
set -euo pipefail

N=${1:-300}
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/javac}
AGENT=${AGENT:-agent/target/query-advisor-agent.jar}
H2=${H2:-$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | tail -1)}

[ -f "$AGENT" ] || { echo "no agent jar at $AGENT (build it, or set AGENT)" >&2; exit 2; }
[ -f "$H2" ] || { echo "no H2 jar (set H2=/path/to/h2.jar)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The application: one DriverManager connection, a few statements; it says whether its connection
# was captured (the agent's wrapper) so that a silent failure cannot pass as a good start.
mkdir -p "$work/src" "$work/classes"
cat > "$work/src/SoakApp.java" <<'JAVA'
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

public class SoakApp {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:soak")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(20))");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO item VALUES (?, ?)")) {
                for (int i = 0; i < 10; i++) {
                    p.setInt(1, i);
                    p.setString(2, "n" + i);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
                p.setInt(1, 3);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                }
            }
            System.out.println("captured=" + c.getClass().getName().startsWith("io.queryadvisor"));
        }
    }
}
JAVA
"$JAVAC" -d "$work/classes" "$work/src/SoakApp.java"

off=0
uncaptured=0
failed=0
: > "$work/starts"
for i in $(seq 1 "$N"); do
    log="$work/run-$i.log"
    if ! "$JAVA" -javaagent:"$AGENT"=dashboard.port=0 -cp "$work/classes:$H2" SoakApp > "$log" 2>&1; then
        failed=$((failed + 1))
        echo "run $i: the application failed" >&2
        tail -5 "$log" >&2
    fi
    if grep -q "capture is off" "$log"; then
        off=$((off + 1))
        echo "run $i: $(grep 'capture is off' "$log" | head -1)" >&2
    fi
    grep -q "captured=true" "$log" || uncaptured=$((uncaptured + 1))
    sed -n 's/.*started in \([0-9]*\) ms.*/\1/p' "$log" | head -1 >> "$work/starts"
done

sort -n "$work/starts" -o "$work/starts"
count=$(wc -l < "$work/starts")
if [ "$count" -gt 0 ]; then
    min=$(head -1 "$work/starts")
    max=$(tail -1 "$work/starts")
    median=$(sed -n "$(( (count + 1) / 2 ))p" "$work/starts")
    start="agent start (premain to ready, ms): min $min, median $median, max $max over $count"
else
    start="agent start: no 'started in' line"
fi
echo "$("$JAVA" -version 2>&1 | head -1) (load average at the end:$(uptime | sed "s/.*load average://")): $N starts, capture off in $off, connection not captured in $uncaptured, application failed in $failed; $start"
[ "$off" -eq 0 ] && [ "$uncaptured" -eq 0 ] && [ "$failed" -eq 0 ]
