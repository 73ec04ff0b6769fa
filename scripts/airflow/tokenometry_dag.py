"""Tokenometry on a schedule: one Airflow 3 DAG, one SparkSubmitOperator per pipeline stage.

ingest -> tokenize -> qa -> retrieval -> report, daily. Each task submits the shaded job jar as scripts/submit
does (same --class, tokenizer --files, conf; in cluster deploy mode the config is shipped and run by file name),
running one stage of the same config with `run CONFIG --stages <stage>`, so a failed stage can be retried alone
and the others keep their tables.

Settings are Airflow Variables (Admin -> Variables), read when a task runs, never when the file is parsed: the
operators' templated fields name them, so the DAG imports (and the scheduler parses it) with no Variable set
and without a metadata-database round trip per parse.
  tokenometry_jar             path/URI of tokenometry-jobs-<version>-all.jar on the Airflow worker or cluster
  tokenometry_config          pipeline config (e.g. /opt/tokenometry/conf/cluster.yaml, hdfs:// paths inside)
  tokenometry_tokenizer_dir   folder holding <name>.tokenizer.json for the names in tokenometry_tokenizers
  tokenometry_tokenizers      comma-separated registry tokenizers the config uses (e.g. "gpt4o,llama3,gemma3")
  tokenometry_deploy_mode     optional: client (default) or cluster; passed as spark.submit.deployMode, so
                              leave deploy-mode out of the connection's extras
  tokenometry_output          optional: output URI overriding the config's (e.g. hdfs://nn/tokenometry/out)
  tokenometry_executor_memory optional, default "4g"
The Spark connection (its host is the master: yarn, k8s://..., spark://host:7077) is "spark_default", or the
one the environment variable TOKENOMETRY_SPARK_CONN_ID names where the scheduler parses DAGs (an operator's
connection id is fixed when the DAG is parsed, so it cannot come from a Variable).
"""
from __future__ import annotations

import os
import posixpath

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG

STAGES = ["ingest", "tokenize", "qa", "retrieval", "report"]
BASELINES = {"utf8_bytes", "chars", "words"}
SPARK_CONN_ID = os.environ.get("TOKENOMETRY_SPARK_CONN_ID", "spark_default")

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

# Jinja for the Variables, rendered when a task runs
JAR = "{{ var.value.tokenometry_jar }}"
CONFIG = "{{ var.value.tokenometry_config }}"
DEPLOY_MODE = "{{ var.value.get('tokenometry_deploy_mode', 'client') }}"
FILES = ("{{ tokenometry_files(var.value.tokenometry_tokenizer_dir, var.value.tokenometry_tokenizers, "
         "var.value.tokenometry_config, var.value.get('tokenometry_deploy_mode', 'client')) }}")
APP_CONFIG = ("{{ tokenometry_app_config(var.value.tokenometry_config, "
              "var.value.get('tokenometry_deploy_mode', 'client')) }}")
OUTPUT = "{{ var.value.get('tokenometry_output', '') }}"
EXECUTOR_MEMORY = "{{ var.value.get('tokenometry_executor_memory', '4g') }}"


def tokenizer_files(folder: str, names: str) -> list[str]:
    """<folder>/<name>.tokenizer.json for every named tokenizer that has a file (baselines have none)."""
    wanted = [n.strip() for n in names.split(",") if n.strip() and n.strip() not in BASELINES]
    return [f"{folder.rstrip('/')}/{n}.tokenizer.json" for n in wanted]


def submit_files(folder: str, names: str, config: str, deploy_mode: str) -> str:
    """--files: the tokenizer files, and in cluster deploy mode the config too (its driver runs elsewhere)."""
    files = tokenizer_files(folder, names)
    if deploy_mode.strip() == "cluster":
        files.append(config)
    return ",".join(files)


def app_config(config: str, deploy_mode: str) -> str:
    """The config as the driver sees it: its path, or in cluster deploy mode the shipped file's name."""
    return posixpath.basename(config) if deploy_mode.strip() == "cluster" else config


def spark_conf() -> dict[str, str]:
    return {
        "spark.submit.deployMode": DEPLOY_MODE,
        "spark.executor.memory": EXECUTOR_MEMORY,
        "spark.executorEnv.DJL_OFFLINE": "true",
        # DJL unpacks libtokenizers.so under the executor's working directory, not a read-only $HOME
        "spark.executorEnv.DJL_CACHE_DIR": "djl-cache",
        "spark.driver.extraJavaOptions": JVM_OPTIONS,
        "spark.executor.extraJavaOptions": JVM_OPTIONS,
    }


def stage_args(config: str, stage: str, output: str | None) -> list[str]:
    """run CONFIG --stages STAGE [--output URI]; an empty --output (the Variable unset) keeps the config's."""
    args = ["run", config, "--stages", stage]
    if output is not None:
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
    user_defined_macros={"tokenometry_files": submit_files, "tokenometry_app_config": app_config},
    tags=["tokenometry", "spark"],
) as dag:
    previous = None
    for stage in STAGES:
        task = SparkSubmitOperator(
            task_id=stage,
            conn_id=SPARK_CONN_ID,
            application=JAR,
            java_class="org.tokenometry.jobs.Cli",
            name=f"tokenometry-{stage}",
            files=FILES,
            conf=spark_conf(),
            application_args=stage_args(APP_CONFIG, stage, OUTPUT),
            env_vars={"DJL_OFFLINE": "true"},
        )
        if previous is not None:
            previous >> task
        previous = task
