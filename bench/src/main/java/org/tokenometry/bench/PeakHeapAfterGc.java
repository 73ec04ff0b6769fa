package org.tokenometry.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The largest heap in use right after any collection since the last {@link #reset}: what the run kept alive,
 * not the garbage G1 let pile up before collecting (the sampled peak follows when G1 chooses to collect, so it
 * moved by a fifth between identical runs). Fed by the collectors' notifications.
 */
final class PeakHeapAfterGc {
  private final AtomicLong peak = new AtomicLong();

  private PeakHeapAfterGc() {}

  static PeakHeapAfterGc start() {
    PeakHeapAfterGc p = new PeakHeapAfterGc();
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(m -> m.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
          p.peak.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    return p;
  }

  long peak() {
    return peak.get();
  }

  void reset() {
    peak.set(0);
  }
}
