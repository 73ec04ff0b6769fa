"""Imports the DAG with small stand-ins for the Airflow modules and checks its graph and spark-submit arguments.

Standard library only (Jinja2, which Airflow renders templates with, is used when installed): the stand-ins
record what the DAG file passes to DAG and SparkSubmitOperator, implement `>>` the way Airflow does, and fail
the import if the file reads a Variable while it is parsed. The templated fields are then rendered as a task
run would, against Variables held in a dict.
"""
import importlib.util
import os
import re
import sys
import types
import unittest

try:
    import jinja2  # what Airflow renders templates with
except ImportError:  # the DAG's templates are plain expressions: Python evaluates them the same way
    jinja2 = None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# SparkSubmitOperator.template_fields (apache-airflow-providers-apache-spark): only these are rendered
TEMPLATE_FIELDS = ("application", "conf", "files", "py_files", "jars", "driver_class_path", "packages",
                   "exclude_packages", "keytab", "principal", "proxy_user", "name", "application_args",
                   "env_vars", "properties_file")


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


class ParseTimeVariable:
    """Airflow's Variable, as the DAG file must not use it: any read while parsing is an error."""
    reads = []

    @staticmethod
    def get(key, default=None):
        ParseTimeVariable.reads.append(key)
        raise KeyError(f"Variable {key} read while the DAG file is parsed")


class VariableAccessor:
    """`var.value` in a template, as Airflow's accessor: attribute or .get(key, default); a missing one raises."""

    def __init__(self, values):
        self._values = values

    def __getattr__(self, key):
        if key not in self._values:
            raise KeyError(f"Variable {key} does not exist")
        return self._values[key]

    def get(self, key, default=None):
        return self._values.get(key, default)


def install_stand_ins():
    for name in ["airflow", "airflow.sdk", "airflow.providers", "airflow.providers.apache",
                 "airflow.providers.apache.spark", "airflow.providers.apache.spark.operators",
                 "airflow.providers.apache.spark.operators.spark_submit"]:
        sys.modules[name] = types.ModuleType(name)
    sys.modules["airflow.sdk"].DAG = FakeDag
    sys.modules["airflow.sdk"].Variable = ParseTimeVariable
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


VARIABLES = {
    "tokenometry_jar": "hdfs://nn/apps/tokenometry-jobs-0.1.0-SNAPSHOT-all.jar",
    "tokenometry_config": "/opt/tokenometry/conf/cluster.yaml",
    "tokenometry_tokenizer_dir": "/opt/tokenometry/tokenizers/",
    "tokenometry_tokenizers": "gpt4o, llama3,utf8_bytes,gemma3",
}


def render(dag, task, variables):
    """The task's templated fields as a run renders them (strings, and lists/dicts of them, recursively)."""
    context = {"var": types.SimpleNamespace(value=VariableAccessor(variables)), "ds": "2025-01-02"}
    context.update(dag.kwargs.get("user_defined_macros", {}))
    if jinja2 is not None:
        env = jinja2.Environment(undefined=jinja2.StrictUndefined)
        text = lambda t: env.from_string(t).render(**context)  # noqa: E731
    else:
        text = lambda t: re.sub(r"\{\{(.*?)\}\}",  # noqa: E731
                                lambda m: str(eval(m.group(1), {"__builtins__": {}}, context)), t)

    def one(value):
        if isinstance(value, str):
            return text(value)
        if isinstance(value, list):
            return [one(v) for v in value]
        if isinstance(value, dict):
            return {k: one(v) for k, v in value.items()}
        return value

    return {k: (one(v) if k in TEMPLATE_FIELDS else v) for k, v in task.kwargs.items()}


class TokenometryDagTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ParseTimeVariable.reads.clear()
        cls.module = load_dag()
        cls.dag = cls.module.dag

    def test_the_file_parses_with_no_variable_set_and_reads_none(self):
        self.assertEqual([], ParseTimeVariable.reads)
        self.assertFalse(hasattr(self.module, "Variable"), "the DAG file does not import Variable")
        for task in self.dag.tasks.values():
            self.assertEqual("spark_default", task.kwargs["conn_id"])

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

    def test_only_templated_fields_carry_variables(self):
        for task in self.dag.tasks.values():
            for key, value in task.kwargs.items():
                if key not in TEMPLATE_FIELDS:
                    self.assertNotIn("{{", str(value), f"{key} is not rendered by Airflow")

    def test_client_mode_arguments_as_a_run_renders_them(self):
        for stage, task in self.dag.tasks.items():
            k = render(self.dag, task, VARIABLES)
            self.assertEqual("hdfs://nn/apps/tokenometry-jobs-0.1.0-SNAPSHOT-all.jar", k["application"])
            self.assertEqual("org.tokenometry.jobs.Cli", k["java_class"])
            # baselines have no file; names trimmed; one <name>.tokenizer.json per tokenizer, no double slash
            self.assertEqual("/opt/tokenometry/tokenizers/gpt4o.tokenizer.json,"
                             "/opt/tokenometry/tokenizers/llama3.tokenizer.json,"
                             "/opt/tokenometry/tokenizers/gemma3.tokenizer.json", k["files"])
            # no tokenometry_output: an empty --output, which the CLI reads as "the config's"
            self.assertEqual(["run", "/opt/tokenometry/conf/cluster.yaml", "--stages", stage, "--output", ""],
                             k["application_args"])
            conf = k["conf"]
            self.assertEqual("client", conf["spark.submit.deployMode"])
            self.assertEqual("4g", conf["spark.executor.memory"])
            self.assertEqual("true", conf["spark.executorEnv.DJL_OFFLINE"])
            self.assertEqual("djl-cache", conf["spark.executorEnv.DJL_CACHE_DIR"])
            for side in ("driver", "executor"):
                opts = conf[f"spark.{side}.extraJavaOptions"]
                self.assertIn("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", opts)
                self.assertIn("-DDJL_OFFLINE=true", opts)

    def test_cluster_mode_ships_the_config_and_runs_it_by_file_name(self):
        variables = dict(VARIABLES, tokenometry_deploy_mode="cluster", tokenometry_output="hdfs://nn/out",
                         tokenometry_executor_memory="8g", tokenometry_tokenizers="words")
        k = render(self.dag, self.dag.tasks["tokenize"], variables)
        self.assertEqual("/opt/tokenometry/conf/cluster.yaml", k["files"])
        self.assertEqual(["run", "cluster.yaml", "--stages", "tokenize", "--output", "hdfs://nn/out"],
                         k["application_args"])
        self.assertEqual("cluster", k["conf"]["spark.submit.deployMode"])
        self.assertEqual("8g", k["conf"]["spark.executor.memory"])

    def test_a_missing_required_variable_fails_the_run_not_the_parse(self):
        variables = {k: v for k, v in VARIABLES.items() if k != "tokenometry_jar"}
        with self.assertRaises(KeyError):
            render(self.dag, self.dag.tasks["ingest"], variables)

    def test_jvm_options_match_the_pom(self):
        with open(os.path.join(ROOT, "pom.xml"), encoding="utf-8") as f:
            pom = f.read()
        start = pom.index("<spark.jvm.options>") + len("<spark.jvm.options>")
        expected = pom[start:pom.index("</spark.jvm.options>")].split()
        self.assertEqual(expected + ["-DDJL_OFFLINE=true"], self.module.JVM_OPTIONS.split())

    def test_helpers(self):
        self.assertEqual(["run", "c.yaml", "--stages", "qa", "--output", "hdfs://nn/out"],
                         self.module.stage_args("c.yaml", "qa", "hdfs://nn/out"))
        self.assertEqual([], self.module.tokenizer_files("/t", "chars, words"))
        self.assertEqual("", self.module.submit_files("/t", "chars", "/c/x.yaml", "client"))
        self.assertEqual("c.yaml", self.module.app_config("hdfs://nn/conf/c.yaml", " cluster"))


if __name__ == "__main__":
    unittest.main()
