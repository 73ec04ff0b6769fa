package org.tokenometry.jobs;

import org.apache.spark.sql.SparkSession;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.io.RunManifest;
import org.tokenometry.jobs.io.TableStore;

/** What a stage gets: Spark, its config, where tables live, the run manifest and a console. */
public record StageContext(SparkSession spark, PipelineConfig config, TableStore tables, RunManifest manifest,
    Console console) {}
