# Shared by the scripts: project root, JVM flags, building the job when its sources changed.
TOKENOMETRY_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export TOKENOMETRY_HOME
export DJL_OFFLINE=true

# Spark's own --add-opens list (the same list as spark.jvm.options in pom.xml).
jvm_options() {
  sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$TOKENOMETRY_HOME/pom.xml"
}

# Builds the job (skipping tests) when any source or pom is newer than the last build.
ensure_built() {
  local stamp="$TOKENOMETRY_HOME/jobs/target/classpath.txt"
  if [[ ! -f "$stamp" ]] || [[ -n "$(find "$TOKENOMETRY_HOME/pom.xml" "$TOKENOMETRY_HOME/udfs" "$TOKENOMETRY_HOME/jobs" \
        \( -name target -prune \) -o \( -newer "$stamp" \( -name '*.java' -o -name 'pom.xml' -o -path '*/resources/*' \) -print \) | head -n 1)" ]]; then
    echo "building tokenometry (mvn package -DskipTests) ..." >&2
    (cd "$TOKENOMETRY_HOME" && mvn -B -q -DskipTests package) >&2
  fi
}

job_classpath() {
  echo "$TOKENOMETRY_HOME/jobs/target/classes:$TOKENOMETRY_HOME/udfs/target/classes:$(cat "$TOKENOMETRY_HOME/jobs/target/classpath.txt")"
}
