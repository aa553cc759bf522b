package io.emms.core.testing;

import io.netty.buffer.PooledByteBufAllocator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A jqwik property that leaks buffers on purpose. Its name keeps it out of the build's test run; only
 * {@link LeakCheckEnforcementTest} runs it, through the launcher, to show that the leak fails the container.
 */
class LeakingPropertyFixture {

  @Property(tries = 3, seed = "645")
  void leaksABufferPerTry(@ForAll int value) {
    PooledByteBufAllocator.DEFAULT.directBuffer(16).writeInt(value);
  }
}
