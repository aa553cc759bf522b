package io.emms.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdWindowTest {

  @Test
  void aRepeatedIdIsRecognisedWhileItIsInTheWindowAndForgottenAfter() {
    MessageIdWindow window = new MessageIdWindow(3);
    assertThat(window.firstSeen("a")).isTrue();
    assertThat(window.firstSeen("a")).isFalse();
    window.firstSeen("b");
    window.firstSeen("c");
    window.firstSeen("d");
    assertThat(window.firstSeen("a")).as("evicted by b, c, d").isTrue();
    assertThat(window.firstSeen("d")).isFalse();
  }
}
