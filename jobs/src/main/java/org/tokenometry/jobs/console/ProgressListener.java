package org.tokenometry.jobs.console;

import java.io.PrintStream;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.Success$;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Progress lines for Spark work, one {@link Progress} per pipeline stage (the job group Pipeline sets), counted
 * in Spark tasks: tasks finished out of the tasks of the stages submitted so far, and MB read. Tasks are what
 * Spark knows up front; input "records" are not (a file read whole counts as one), so they are not shown.
 * The total only grows (stages skipped by Spark are never submitted, so never counted), and {@link Progress}
 * keeps percent and ETA from going backwards when it does. Replaces Spark's console progress bar.
 */
public final class ProgressListener extends SparkListener {
  public static final String UNIT = "tasks";

  private final PrintStream out;
  private final long intervalMillis;
  private final LongSupplier clock;
  private String group;
  private Progress progress;
  private long tasksTotal;
  private long tasksDone;
  private long bytes;

  public ProgressListener(PrintStream out, long intervalMillis, LongSupplier clock) {
    this.out = out;
    this.intervalMillis = intervalMillis;
    this.clock = clock;
  }

  public static ProgressListener toStderr() {
    return new ProgressListener(System.err, Progress.DEFAULT_INTERVAL_MS, System::nanoTime);
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart job) {
    String g = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
    String label = g == null ? "spark" : g;
    if (progress == null || !label.equals(group)) {
      finishGroup();
      group = label;
      progress = new Progress(label, UNIT, -1, out, intervalMillis, clock);
    }
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    StageInfo s = submitted.stageInfo();
    if (progress != null && s.attemptNumber() == 0) {
      tasksTotal += s.numTasks();
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
    if (task.reason() == Success$.MODULE$) {
      tasksDone++;
    }
    TaskMetrics m = task.taskMetrics();
    if (m != null) {
      bytes += m.inputMetrics().bytesRead();
    }
    if (progress != null) {
      progress.set(tasksDone, bytes, Math.max(tasksTotal, tasksDone));
    }
  }

  /** Tasks finished / tasks of the stages submitted in this pipeline stage. */
  public synchronized String tasks() {
    return tasksDone + "/" + tasksTotal;
  }

  public synchronized long bytes() {
    return bytes;
  }

  /**
   * Closes the running stage's progress once Spark has delivered every event so far, so its closing line is
   * printed before whatever the caller prints next.
   */
  public void settle(SparkContext sc) {
    try {
      sc.listenerBus().waitUntilEmpty(10_000);
    } catch (TimeoutException e) {
      // a listener bus this slow only risks a late progress line, never the run
    }
    finishGroup();
  }

  /** Closes the current stage's progress (a closing line when any line was printed). */
  public synchronized void finishGroup() {
    if (progress != null) {
      progress.finish();
    }
    progress = null;
    group = null;
    tasksTotal = 0;
    tasksDone = 0;
    bytes = 0;
  }
}
