package io.emms.modbus.pdu;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes Netty's leak detector (PARANOID in the build) fail tests instead of logging: with slf4j's no-op binding its
 * reports would otherwise go nowhere. Call {@link #start()} before and {@link #leaks()} after the code under test.
 */
public final class LeakCheck {

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static volatile boolean installed;

  private LeakCheck() {}

  /** Flushes leaks of earlier tests (not ours to report) and starts recording. */
  public static synchronized void start() {
    ResourceLeakDetector<ByteBuf> detector = detector();
    if (!installed) {
      detector.setLeakListener((resourceType, records) -> LEAKS.add(resourceType + records));
      installed = true;
    }
    collect();
    LEAKS.clear();
  }

  /** Forces collection and a leak-detector pass; returns the leaks reported since {@link #start()}. */
  public static List<String> leaks() {
    collect();
    return List.copyOf(LEAKS);
  }

  private static void collect() {
    for (int round = 0; round < 3; round++) {
      System.gc();
      System.runFinalization();
      // the detector reports collected, unreleased buffers when the next buffer is tracked
      for (int i = 0; i < 100; i++) {
        PooledByteBufAllocator.DEFAULT.directBuffer(8).release();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static ResourceLeakDetector<ByteBuf> detector() {
    try {
      Field f = AbstractByteBuf.class.getDeclaredField("leakDetector");
      f.setAccessible(true);
      return (ResourceLeakDetector<ByteBuf>) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Netty's ByteBuf leak detector moved", e);
    }
  }
}
