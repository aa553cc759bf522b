package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.transport.nbiot.CommandOutcome;
import io.emms.transport.nbiot.CommandStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NbiotMeterWakesForQueuedCommandTest {

  @Test
  void theCommandQueuedWhileTheMeterSleptIsAcknowledgedAfterItWakes() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    CommandOutcome outcome = NbiotMeterWakesForQueuedCommand.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(outcome.status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
    assertThat(outcome.attempts()).isEqualTo(1);
    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("ACTIVE_ENERGY_IMPORT = 1000.00 kWh").contains("ACTIVE_ENERGY_IMPORT = 1000.25 kWh")
        .contains("ACKNOWLEDGED after 1 attempt(s); meter tripped: true");
  }
}
