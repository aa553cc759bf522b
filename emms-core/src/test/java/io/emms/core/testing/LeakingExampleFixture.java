package io.emms.core.testing;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/**
 * A Jupiter test class that leaks one buffer on purpose. Its name keeps it out of the build's test run; only
 * {@link LeakCheckEnforcementTest} runs it, through the launcher, to show that the leak fails the class.
 */
class LeakingExampleFixture {

  @Test
  void leaksOneBuffer() {
    PooledByteBufAllocator.DEFAULT.directBuffer(16).writeInt(42);
  }
}
