package io.emms.dlt645.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.link.PipeLink;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DL/T 645-1997 re-read (control 03): the simulated meter repeats its last reply. The exchanges are data, in
 * {@code golden/dlt645-1997-re-read.exchanges}, played in order against one meter.
 */
class SimulatorReReadTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final PipeLink[] pipe = PipeLink.pair("re-read");
  private Dlt645Simulator simulator;

  @AfterEach
  void tearDown() {
    pipe[0].close();
    pipe[1].close();
    simulator.close();
  }

  @Test
  void repeatsTheLastReplyAsTheGoldenExchangesSay() throws Exception {
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Address.of("000000000003"))
        .edition(Dlt645Edition.V1997).clock(new SimulationClock(Instant.parse("2026-03-01T00:00:00Z")))
        .nominalVoltage(100).build());
    simulator = Dlt645Simulator.attach(pipe[1], meter);
    simulator.start().join();
    RawMasterEnd master = new RawMasterEnd(pipe[0]);

    List<String[]> exchanges = exchanges();
    assertThat(exchanges).hasSize(6);
    for (String[] exchange : exchanges) {
      master.send(exchange[0]);
      String expected = exchange[1];
      assertThat(master.receive((expected.length() + 1) / 3, WAIT)).as(exchange[2]).isEqualTo(expected);
    }
  }

  private static List<String[]> exchanges() throws IOException {
    try (InputStream in = SimulatorReReadTest.class.getResourceAsStream("/golden/dlt645-1997-re-read.exchanges")) {
      List<String[]> exchanges = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] columns = line.split("\\|", 3); // the source may contain |
          exchanges.add(new String[] {columns[0].trim(), columns[1].trim(), columns[2].trim()});
        }
      }
      return exchanges;
    }
  }
}
