package io.emms.core.testing;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes Netty's leak detector (PARANOID in the build) fail tests instead of only logging. It listens on the
 * detector {@code ByteBuf}s really use, so it works whichever test touched Netty first.
 *
 * <p>Jupiter test classes: {@code @ExtendWith(LeakCheck.class)}. jqwik containers: call {@link #start()} in a
 * {@code @BeforeContainer} and assert {@link #leaks()} is empty in an {@code @AfterContainer}. Shared by the
 * modules' tests through emms-core's test jar.
 */
public final class LeakCheck implements BeforeAllCallback, AfterAllCallback {

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static volatile boolean installed;

  /** Flushes leaks of earlier tests (not ours to report) and starts recording. */
  public static synchronized void start() {
    if (!installed) {
      detector().setLeakListener((resourceType, records) -> LEAKS.add(resourceType + records));
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

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> found = leaks();
    if (!found.isEmpty()) {
      throw new AssertionError("ByteBuf leaks reported by Netty's leak detector: " + found);
    }
  }

  private static void collect() {
    for (int round = 0; round < 3; round++) {
      System.gc();
      System.runFinalization();
      // The detector reports collected, unreleased buffers when the next buffer is tracked.
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
