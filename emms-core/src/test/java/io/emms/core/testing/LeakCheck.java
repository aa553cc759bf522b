package io.emms.core.testing;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.lifecycle.AfterContainerHook;
import net.jqwik.api.lifecycle.BeforeContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes Netty's leak detector (PARANOID in the build) fail tests instead of only logging. It listens on the
 * detector {@code ByteBuf}s really use, so it works whichever test touched Netty first.
 *
 * <p>Registered once for the whole test run of every module that has emms-core's test jar on its test class path:
 * as a Jupiter extension by auto-detection ({@code META-INF/services/org.junit.jupiter.api.extension.Extension},
 * switched on by {@code junit.jupiter.extensions.autodetection.enabled} in the parent pom's surefire
 * configuration) and as a global jqwik lifecycle hook ({@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}).
 * Each top-level test class starts recording before its first test and fails after its last one if a buffer
 * leaked. {@link #start()} and {@link #leaks()} remain for tests that check a narrower span themselves.
 */
public final class LeakCheck
    implements BeforeAllCallback, AfterAllCallback, BeforeContainerHook, AfterContainerHook {

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
    if (isTopLevel(context)) {
      start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (isTopLevel(context)) {
      failOnLeaks();
    }
  }

  /** A top-level class: its parent is the engine. A {@code @Nested} class is checked with its enclosing class. */
  private static boolean isTopLevel(ExtensionContext context) {
    return context.getParent().flatMap(ExtensionContext::getParent).isEmpty();
  }

  /** jqwik: applies to top-level test classes (the engine and {@code @Group} classes are checked with them). */
  @Override
  public boolean appliesTo(Optional<AnnotatedElement> element) {
    return element.filter(e -> e instanceof Class<?> c && c.getEnclosingClass() == null).isPresent();
  }

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public void beforeContainer(ContainerLifecycleContext context) {
    start();
  }

  @Override
  public void afterContainer(ContainerLifecycleContext context) {
    failOnLeaks();
  }

  private static void failOnLeaks() {
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
