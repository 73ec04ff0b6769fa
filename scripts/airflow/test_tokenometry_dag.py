"""Imports the DAG with small stand-ins for the Airflow modules and checks its graph and spark-submit arguments.

Standard library only (no Airflow install needed): the stand-ins record what the DAG file passes to DAG,
Variable and SparkSubmitOperator, and implement `>>` the way Airflow does.
"""
import importlib.util
import os
import sys
import types
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class FakeDag:
    current = None

    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = {}

    def __enter__(self):
        FakeDag.current = self
        return self

    def __exit__(self, *exc):
        FakeDag.current = None
        return False


class FakeOperator:
    def __init__(self, task_id, **kwargs):
        self.task_id = task_id
        self.kwargs = kwargs
        self.downstream = []
        self.upstream = []
        FakeDag.current.tasks[task_id] = self

    def __rshift__(self, other):
        self.downstream.append(other)
        other.upstream.append(self)
        return other


VARIABLES = {
    "tokenometry_spark_conn_id": "spark_yarn",
    "tokenometry_jar": "hdfs://nn/apps/tokenometry-jobs-0.1.0-SNAPSHOT-all.jar",
    "tokenometry_config": "/opt/tokenometry/conf/cluster.yaml",
    "tokenometry_tokenizer_dir": "/opt/tokenometry/tokenizers/",
    "tokenometry_tokenizers": "gpt4o, llama3,utf8_bytes,gemma3",
}
_MISSING = object()


class FakeVariable:
    @staticmethod
    def get(key, default=_MISSING):
        if key in VARIABLES:
            return VARIABLES[key]
        if default is _MISSING:
            raise KeyError(f"Variable {key} does not exist")
        return default


def install_stand_ins():
    for name in ["airflow", "airflow.sdk", "airflow.providers", "airflow.providers.apache",
                 "airflow.providers.apache.spark", "airflow.providers.apache.spark.operators",
                 "airflow.providers.apache.spark.operators.spark_submit"]:
        sys.modules[name] = types.ModuleType(name)
    sys.modules["airflow.sdk"].DAG = FakeDag
    sys.modules["airflow.sdk"].Variable = FakeVariable
    sys.modules["airflow.providers.apache.spark.operators.spark_submit"].SparkSubmitOperator = FakeOperator
    if "pendulum" not in sys.modules:
        try:
            import pendulum  # noqa: F401  (real one if installed)
        except ImportError:
            import datetime
            p = types.ModuleType("pendulum")
            p.datetime = lambda y, m, d, tz=None: datetime.datetime(y, m, d, tzinfo=datetime.timezone.utc)
            p.duration = lambda **kw: datetime.timedelta(**kw)
            sys.modules["pendulum"] = p


def load_dag():
    install_stand_ins()
    spec = importlib.util.spec_from_file_location("tokenometry_dag", os.path.join(HERE, "tokenometry_dag.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TokenometryDagTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.module = load_dag()
        cls.dag = cls.module.dag

    def test_daily_dag_with_one_task_per_stage_in_pipeline_order(self):
        self.assertEqual("tokenometry", self.dag.dag_id)
        self.assertEqual("@daily", self.dag.kwargs["schedule"])
        self.assertFalse(self.dag.kwargs["catchup"])
        self.assertEqual(["ingest", "tokenize", "qa", "retrieval", "report"], list(self.dag.tasks))
        t = self.dag.tasks
        self.assertEqual([], t["ingest"].upstream)
        self.assertEqual([t["tokenize"]], t["ingest"].downstream)
        self.assertEqual([t["qa"]], t["tokenize"].downstream)
        self.assertEqual([t["retrieval"]], t["qa"].downstream)
        self.assertEqual([t["report"]], t["retrieval"].downstream)
        self.assertEqual([], t["report"].downstream)

    def test_spark_submit_arguments(self):
        for stage, task in self.dag.tasks.items():
            k = task.kwargs
            self.assertEqual("spark_yarn", k["conn_id"])
            self.assertEqual("hdfs://nn/apps/tokenometry-jobs-0.1.0-SNAPSHOT-all.jar", k["application"])
            self.assertEqual("org.tokenometry.jobs.Cli", k["java_class"])
            # baselines have no file; names trimmed; one <name>.tokenizer.json per tokenizer, no double slash
            self.assertEqual("/opt/tokenometry/tokenizers/gpt4o.tokenizer.json,"
                             "/opt/tokenometry/tokenizers/llama3.tokenizer.json,"
                             "/opt/tokenometry/tokenizers/gemma3.tokenizer.json", k["files"])
            self.assertEqual(["run", "/opt/tokenometry/conf/cluster.yaml", "--stages", stage],
                             k["application_args"])
            conf = k["conf"]
            self.assertEqual("true", conf["spark.executorEnv.DJL_OFFLINE"])
            self.assertEqual("djl-cache", conf["spark.executorEnv.DJL_CACHE_DIR"])
            for side in ("driver", "executor"):
                opts = conf[f"spark.{side}.extraJavaOptions"]
                self.assertIn("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", opts)
                self.assertIn("-DDJL_OFFLINE=true", opts)
            self.assertEqual("4g", k["executor_memory"])

    def test_jvm_options_match_the_pom(self):
        with open(os.path.join(ROOT, "pom.xml"), encoding="utf-8") as f:
            pom = f.read()
        start = pom.index("<spark.jvm.options>") + len("<spark.jvm.options>")
        expected = pom[start:pom.index("</spark.jvm.options>")].split()
        self.assertEqual(expected + ["-DDJL_OFFLINE=true"], self.module.JVM_OPTIONS.split())

    def test_output_override_is_passed_to_run(self):
        self.assertEqual(["run", "c.yaml", "--stages", "qa", "--output", "hdfs://nn/out"],
                         self.module.stage_args("c.yaml", "qa", "hdfs://nn/out"))
        self.assertEqual("", self.module.tokenizer_files("/t", "chars, words"))


if __name__ == "__main__":
    unittest.main()
