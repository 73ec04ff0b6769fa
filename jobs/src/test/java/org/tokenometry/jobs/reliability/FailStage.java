package org.tokenometry.jobs.reliability;

import org.tokenometry.jobs.Stage;
import org.tokenometry.jobs.StageContext;

/** A test-only stage that fails: a run that breaks after its earlier stages completed. */
public final class FailStage implements Stage {
  @Override
  public String name() {
    return "fail";
  }

  @Override
  public void run(StageContext ctx) {
    ctx.manifest().stage(name()).put("got_this_far", true);
    throw new IllegalStateException("the fail stage fails on purpose");
  }
}
