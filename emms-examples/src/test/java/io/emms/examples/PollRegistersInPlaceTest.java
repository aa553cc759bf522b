package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollRegistersInPlaceTest {

  @Test
  void pollsTheMeterThroughTheCodecAlone() throws Exception {
    // Registers 0..9 hold 1000..1009: 10 * 1000 + (0 + ... + 9).
    assertThat(PollRegistersInPlace.run(200, 10)).isEqualTo(10_045);
  }

  @Test
  void readsNinetyNineRegistersInOneReply() throws Exception {
    // 99 registers, 1000..1098, in one 198-byte reply.
    assertThat(PollRegistersInPlace.run(3, 99)).isEqualTo(99L * 1000 + 98 * 99 / 2);
  }
}
