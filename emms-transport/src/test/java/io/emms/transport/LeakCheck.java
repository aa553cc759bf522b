package io.emms.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty's leak detector reports a buffer that was garbage collected without being
 * released. Netty only logs leaks, and with no logging binding on the test class path it would not even do that.
 * The factory must be installed before the first buffer class is initialised, hence the static block, which runs
 * when JUnit reads {@code @ExtendWith(LeakCheck.class)}.
 */
public final class LeakCheck implements AfterAllCallback {

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

  static {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
      @Override
      public <T> ResourceLeakDetector<T> newResourceLeakDetector(
          Class<T> resource, int samplingInterval, long maxActive) {
        return new Recording<>(resource, samplingInterval);
      }
    });
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    // Leaks surface when the detector polls its reference queue, which it does on the next tracked allocation.
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(20);
      ByteBuf probe = UnpooledByteBufAllocator.DEFAULT.directBuffer(1);
      probe.release();
    }
    List<String> found = List.copyOf(LEAKS);
    LEAKS.clear();
    assertThat(found).as("ByteBuf leaks").isEmpty();
  }

  private static final class Recording<T> extends ResourceLeakDetector<T> {
    Recording(Class<?> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected boolean needReport() {
      return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      LEAKS.add(resourceType + records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      LEAKS.add(resourceType);
    }
  }
}
