# Shared by the scripts: project root, JVM flags, building the job when its sources changed.
TOKENOMETRY_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export TOKENOMETRY_HOME
export DJL_OFFLINE=true

# Spark's own --add-opens list (the same list as spark.jvm.options in pom.xml).
jvm_options() {
  sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$TOKENOMETRY_HOME/pom.xml"
}

# The same for a JVM whose stderr a person reads (the local launcher): without the incubator vector module,
# whose "WARNING: Using incubator modules" line Java prints on every start (-q promises errors only). Only
# Lucene looks for that module, and it uses it on Java 21 and later only.
jvm_options_quiet() {
  jvm_options | sed 's: --add-modules=jdk.incubator.vector::'
}

# Builds the job (skipping tests) when any source, pom or the registry (bundled into the jar) is newer than
# the last successful build. The stamp is our own file: Maven rewrites target/classpath.txt only when its content
# changes, so that file's age says nothing about the build, and using it as the stamp rebuilt on every call.
ensure_built() {
  local stamp="$TOKENOMETRY_HOME/jobs/target/.launcher-built"
  if [[ ! -f "$stamp" || ! -f "$TOKENOMETRY_HOME/jobs/target/classpath.txt" ]] \
      || [[ -n "$(find "$TOKENOMETRY_HOME/pom.xml" "$TOKENOMETRY_HOME/conf/tokenizers.yaml" "$TOKENOMETRY_HOME/udfs" \
        "$TOKENOMETRY_HOME/jobs" \( -name target -prune \) -o \( -newer "$stamp" \( -name '*.java' -o -name 'pom.xml' \
        -o -name 'tokenizers.yaml' -o -path '*/resources/*' \) -print \) | head -n 1)" ]]; then
    [[ -n "${TOKENOMETRY_QUIET:-}" ]] || echo "building tokenometry (mvn package -DskipTests) ..." >&2
    mkdir -p "$TOKENOMETRY_HOME/jobs/target"
    touch "$stamp.next" # taken before the build: a file edited while Maven runs is seen next time
    (cd "$TOKENOMETRY_HOME" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
    mv "$stamp.next" "$stamp"
  fi
}

job_classpath() {
  echo "$TOKENOMETRY_HOME/jobs/target/classes:$TOKENOMETRY_HOME/udfs/target/classes:$(cat "$TOKENOMETRY_HOME/jobs/target/classpath.txt")"
}

# Value of a <property> in the parent pom (spark.version, scala.binary.version, ...).
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$TOKENOMETRY_HOME/pom.xml" | head -n 1
}

# The shaded job jar (jobs/target/tokenometry-jobs-<version>-all.jar), built when sources changed.
job_jar() {
  ensure_built
  local v jar
  v="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$TOKENOMETRY_HOME/pom.xml")"
  jar="$TOKENOMETRY_HOME/jobs/target/tokenometry-jobs-$v-all.jar"
  [[ -f "$jar" ]] || { echo "error: $jar not found (build it with: mvn -B -DskipTests package)" >&2; return 1; }
  echo "$jar"
}

# A SPARK_HOME made from the Maven-resolved Spark runtime (spark-sql and everything it pulls in, including
# hadoop-client-api/runtime): jars/ holds symlinks to the jars in ~/.m2, conf/ our log4j2 settings.
# A standalone Worker needs SPARK_HOME/jars to build its executors' classpath. Rebuilt when the pom changes.
maven_spark_home() {
  local home="${TOKENOMETRY_SPARK_HOME:-$TOKENOMETRY_HOME/target/spark-home}"
  local stamp="$home/.classpath"
  if [[ ! -s "$stamp" || "$TOKENOMETRY_HOME/pom.xml" -nt "$stamp" ]]; then
    local spark_version scala
    spark_version="$(pom_property spark.version)"
    scala="$(pom_property scala.binary.version)"
    mkdir -p "$home/resolve"
    cat > "$home/resolve/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.tokenometry.generated</groupId>
  <artifactId>spark-runtime</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.apache.spark</groupId>
      <artifactId>spark-sql_$scala</artifactId>
      <version>$spark_version</version>
    </dependency>
  </dependencies>
</project>
POM
    local goal="org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath"
    echo "resolving the Spark $spark_version runtime with Maven (once) ..." >&2
    if ! mvn -B -q -o -Dstyle.color=never -f "$home/resolve/pom.xml" "$goal" -Dmdep.includeScope=runtime \
          -Dmdep.outputFile="$home/resolve/classpath.txt" >/dev/null 2>&1; then
      mvn -B -q -Dstyle.color=never -f "$home/resolve/pom.xml" "$goal" -Dmdep.includeScope=runtime \
          -Dmdep.outputFile="$home/resolve/classpath.txt" >&2
    fi
    rm -rf "$home/jars" && mkdir -p "$home/jars" "$home/conf"
    local jar
    { tr ":" "\n" < "$home/resolve/classpath.txt"; echo; } | while read -r jar; do
      [[ -n "$jar" ]] && ln -sf "$jar" "$home/jars/$(basename "$jar")"
    done
    ln -sf "$TOKENOMETRY_HOME/conf/log4j2.properties" "$home/conf/log4j2.properties"
    echo "$spark_version" > "$home/RELEASE"
    cp "$home/resolve/classpath.txt" "$stamp"
  fi
  echo "$home"
}
