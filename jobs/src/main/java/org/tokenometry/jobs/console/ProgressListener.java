package org.tokenometry.jobs.console;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Progress lines for Spark work: counts finished tasks, records and bytes read by the running jobs and prints
 * through a {@link Progress} per stage of the pipeline (the job group Pipeline sets), at most every few seconds.
 * Replaces Spark's console progress bar, which is switched off.
 */
public final class ProgressListener extends SparkListener {
  private final PrintStream out;
  private final long intervalMillis;
  private final LongSupplier clock;
  private final Map<Integer, int[]> runningJobs = new HashMap<>(); // job → {tasks finished, tasks}
  private final Map<Integer, Integer> jobOfStage = new HashMap<>();
  private String group;
  private Progress progress;
  private long tasksTotal;
  private long tasksDone;
  private long records;
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
      progress = new Progress(label, "records", -1, out, intervalMillis, clock);
    }
    int n = 0;
    for (StageInfo s : scala.jdk.javaapi.CollectionConverters.asJava(job.stageInfos())) {
      n += s.numTasks();
      jobOfStage.put(s.stageId(), job.jobId());
    }
    runningJobs.put(job.jobId(), new int[] {0, n});
    tasksTotal += n;
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
    tasksDone++;
    Integer job = jobOfStage.get(task.stageId());
    int[] running = job == null ? null : runningJobs.get(job);
    if (running != null) {
      running[0]++;
    }
    TaskMetrics m = task.taskMetrics();
    if (m != null) {
      records += m.inputMetrics().recordsRead();
      bytes += m.inputMetrics().bytesRead();
    }
    if (progress != null) {
      // the running jobs' task fraction drives percent and ETA (the stage's earlier small jobs, all done,
      // would otherwise show 97 % as its long job starts); records and bytes drive the rates
      progress.fraction(runningFraction());
      progress.set(records, bytes, -1);
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd job) {
    int[] n = runningJobs.remove(job.jobId());
    jobOfStage.values().removeIf(j -> j == job.jobId());
    if (n != null && runningJobs.isEmpty()) {
      // skipped stages never report their tasks; a finished job settles the count
      tasksDone = Math.max(tasksDone, tasksTotal);
    }
  }

  private double runningFraction() {
    long done = 0;
    long all = 0;
    for (int[] j : runningJobs.values()) {
      done += j[0];
      all += j[1];
    }
    return all == 0 ? Double.NaN : Math.min(1, (double) done / all);
  }

  /** Tasks finished / tasks of the jobs started in this stage (skipped stages count as done at job end). */
  public synchronized String tasks() {
    return tasksDone + "/" + tasksTotal;
  }

  public synchronized long records() {
    return records;
  }

  public synchronized long bytes() {
    return bytes;
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
    records = 0;
    bytes = 0;
  }
}
