package io.emms.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak check the property tests rely on does see a leak. */
class LeakCheckTest {

  @Test
  void reportsABufferThatWasNeverReleased() {
    LeakCheck.start();
    leakOne();
    assertThat(LeakCheck.leaks()).isNotEmpty();
    LeakCheck.start();
  }

  private static void leakOne() {
    PooledByteBufAllocator.DEFAULT.directBuffer(16).writeInt(42);
  }
}
