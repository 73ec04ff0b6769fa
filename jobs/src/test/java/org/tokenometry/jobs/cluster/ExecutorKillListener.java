package org.tokenometry.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.storage.RDDInfo;
import org.tokenometry.jobs.tokenize.TokenizePass;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Fault injection for the cluster test, on the driver of a submitted run ({@code --conf
 * spark.extraListeners=<this class>}, shipped with {@code --jars}; production code has no hooks for it): on the
 * first task start of the stage that runs tokenize's document pass (it also writes {@code doc_tokens} and each
 * partition's group side file; the executor dies with a running task and the shuffle files of the pass's input),
 * SIGKILLs the executor JVM running that task, then records what the scheduler reports (failed tasks,
 * executors removed and added, stage attempts) one line per event, tab-separated, milliseconds since the
 * listener started last, in the file named by {@value #REPORT}; the test reads that file after the run.
 *
 * <p>The document pass is recognised without test hooks: the job group {@code Pipeline} sets for the stage
 * ({@code tokenize}) and the call site of {@code TokenizePass}'s {@code mapPartitions} among the stage's RDDs.
 */
public final class ExecutorKillListener extends SparkListener {
  static final String REPORT = "spark.tokenometry.test.killReport";
  static final String CALL_SITE = "mapPartitions at TokenizePass";

  private final Path report;
  private final Set<Integer> passStages = ConcurrentHashMap.newKeySet();
  private volatile String appId = "";
  private volatile boolean killed;
  private final long t0 = System.nanoTime();

  public ExecutorKillListener(SparkConf conf) {
    this.report = Path.of(conf.get(REPORT));
  }

  @Override
  public void onApplicationStart(SparkListenerApplicationStart e) {
    appId = e.appId().isDefined() ? e.appId().get() : "";
    write("app", appId);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    Properties p = e.properties();
    String group = p == null ? null : p.getProperty("spark.jobGroup.id");
    List<RDDInfo> rdds = CollectionConverters.asJava(e.stageInfo().rddInfos());
    boolean pass = "tokenize".equals(group) && rdds.stream().anyMatch(r -> r.callSite().startsWith(CALL_SITE));
    if (pass) {
      passStages.add(e.stageInfo().stageId());
    }
    write("stage_submitted", e.stageInfo().stageId(), e.stageInfo().attemptNumber(), group, pass,
        e.stageInfo().numTasks());
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart e) {
    if (killed || !passStages.contains(e.stageId())) {
      return;
    }
    killed = true;
    String executor = e.taskInfo().executorId();
    Optional<ProcessHandle> jvm = executorJvm(appId, executor);
    // SIGKILL: no shutdown hook runs, the executor's task, cached blocks and shuffle files are lost at once
    jvm.ifPresent(ProcessHandle::destroyForcibly);
    write("kill", executor, jvm.map(ProcessHandle::pid).orElse(-1L), e.stageId(), e.stageAttemptId(),
        e.taskInfo().index(), e.taskInfo().taskId());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    TaskEndReason reason = e.reason();
    if (reason instanceof TaskFailedReason f) {
      write("task_failed", e.stageId(), e.stageAttemptId(), e.taskInfo().index(), e.taskInfo().executorId(),
          passStages.contains(e.stageId()), oneLine(f.toErrorString()));
    } else if (passStages.contains(e.stageId())) {
      write("task_ok", e.stageId(), e.stageAttemptId(), e.taskInfo().index(), e.taskInfo().executorId());
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    var s = e.stageInfo();
    write("stage_completed", s.stageId(), s.attemptNumber(), passStages.contains(s.stageId()),
        s.failureReason().isDefined() ? oneLine(s.failureReason().get()) : "");
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded e) {
    write("executor_added", e.executorId(), e.executorInfo().executorHost());
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
    write("executor_removed", e.executorId(), oneLine(e.reason()));
  }

  /** The CoarseGrainedExecutorBackend JVM of this application with that executor id, on this machine. */
  static Optional<ProcessHandle> executorJvm(String appId, String executorId) {
    return ProcessHandle.allProcesses().filter(p -> {
      List<String> args = Arrays.asList(p.info().arguments().orElse(new String[0]));
      return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
          && executorId.equals(after(args, "--executor-id")) && appId.equals(after(args, "--app-id"));
    }).findFirst();
  }

  private static String after(List<String> args, String flag) {
    int i = args.indexOf(flag);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
  }

  /** One line, and short: a FetchFailed reason carries a whole stack trace. */
  private static String oneLine(String s) {
    String line = String.valueOf(s).replaceAll("\\s+", " ");
    return line.length() <= 240 ? line : line.substring(0, 240) + "…";
  }

  private synchronized void write(Object... fields) {
    StringBuilder sb = new StringBuilder();
    for (Object f : fields) {
      sb.append(f).append('\t');
    }
    sb.append((System.nanoTime() - t0) / 1_000_000);
    try {
      Files.writeString(report, sb.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
