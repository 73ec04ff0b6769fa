"""Tokenometry on a schedule: one Airflow 3 DAG, one SparkSubmitOperator per pipeline stage.

ingest -> tokenize -> qa -> retrieval -> report, daily. Each task submits the shaded job jar exactly as
scripts/submit does (same --class, --files, conf), running one stage of the same config with `run CONFIG
--stages <stage>`, so a failed stage can be retried alone and the others keep their tables.

Airflow Variables (Admin -> Variables), read when the DAG file is parsed:
  tokenometry_spark_conn_id   Spark connection id (default "spark_default"; its host is the master:
                              yarn, k8s://..., spark://host:7077; deploy mode in its extras)
  tokenometry_jar             path/URI of tokenometry-jobs-<version>-all.jar on the Airflow worker or cluster
  tokenometry_config          pipeline config (e.g. /opt/tokenometry/conf/cluster.yaml, hdfs:// paths inside)
  tokenometry_tokenizer_dir   folder holding <name>.tokenizer.json for the names in tokenometry_tokenizers
  tokenometry_tokenizers      comma-separated tokenizer names the config uses (e.g. "gpt4o,llama3,gemma3")
  tokenometry_output          optional: output URI overriding the config's (e.g. hdfs://nn/tokenometry/{{ ds }})
  tokenometry_executor_memory optional, default "4g"
"""
from __future__ import annotations

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG, Variable

STAGES = ["ingest", "tokenize", "qa", "retrieval", "report"]
BASELINES = {"utf8_bytes", "chars", "words"}

# Spark's --add-opens list (pom.xml spark.jvm.options); Spark adds it to executors itself, but spark-submit
# clients older than the cluster's Spark do not, so it is stated explicitly as scripts/submit does.
JVM_OPTIONS = " ".join([
    "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-modules=jdk.incubator.vector",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-DDJL_OFFLINE=true",
])


def tokenizer_files(folder: str, names: str) -> str:
    """--files value: <folder>/<name>.tokenizer.json for every named tokenizer that has a file."""
    wanted = [n.strip() for n in names.split(",") if n.strip() and n.strip() not in BASELINES]
    return ",".join(f"{folder.rstrip('/')}/{n}.tokenizer.json" for n in wanted)


def spark_conf() -> dict[str, str]:
    return {
        "spark.executorEnv.DJL_OFFLINE": "true",
        # DJL unpacks libtokenizers.so under the executor's working directory, not a read-only $HOME
        "spark.executorEnv.DJL_CACHE_DIR": "djl-cache",
        "spark.driver.extraJavaOptions": JVM_OPTIONS,
        "spark.executor.extraJavaOptions": JVM_OPTIONS,
    }


def stage_args(config: str, stage: str, output: str | None) -> list[str]:
    args = ["run", config, "--stages", stage]
    if output:
        args += ["--output", output]
    return args


with DAG(
    dag_id="tokenometry",
    description="Tokenizer measurements: ingest, tokenize, qa, retrieval, report",
    schedule="@daily",
    start_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,  # runs share one output; per-partition overwrite keeps reruns idempotent
    default_args={"retries": 2, "retry_delay": pendulum.duration(minutes=5)},
    tags=["tokenometry", "spark"],
) as dag:
    conn_id = Variable.get("tokenometry_spark_conn_id", default="spark_default")
    jar = Variable.get("tokenometry_jar")
    config = Variable.get("tokenometry_config")
    files = tokenizer_files(Variable.get("tokenometry_tokenizer_dir"), Variable.get("tokenometry_tokenizers"))
    output = Variable.get("tokenometry_output", default=None)
    executor_memory = Variable.get("tokenometry_executor_memory", default="4g")

    previous = None
    for stage in STAGES:
        task = SparkSubmitOperator(
            task_id=stage,
            conn_id=conn_id,
            application=jar,
            java_class="org.tokenometry.jobs.Cli",
            name=f"tokenometry-{stage}",
            files=files or None,
            conf=spark_conf(),
            executor_memory=executor_memory,
            application_args=stage_args(config, stage, output),
            env_vars={"DJL_OFFLINE": "true"},
        )
        if previous is not None:
            previous >> task
        previous = task
