package io.emms.bus.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.emms.bus.LineConfig;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetFileTest {

  private static final String GOOD = """
      interval: 30s
      lines:
        - id: rs485
          link: serial:/dev/ttyUSB0?baud=9600&parity=none
          gap: 20ms
          timeout: 800ms
          retries: 1
          queue-size: 64
          meters:
            - id: main
              protocol: fake
              address: 007
              quantities: [ACTIVE_ENERGY_IMPORT, voltage.a]
              interval: 15m
            - id: sub
              protocol: fake
              unit: 12
              profile: p1
        - id: plant
          link: tcp://127.0.0.1:1502
          max-in-flight: 4
          meters:
            - {id: plc, protocol: fake, unit: 1}
      """;

  @Test
  void readsLinesMetersAndDefaults() {
    Fleet fleet = FleetFile.parse(GOOD, "good.yaml");

    assertThat(fleet.lines()).hasSize(2);
    FleetLine rs485 = fleet.lines().get(0);
    assertThat(rs485).isEqualTo(new FleetLine("rs485", "serial:/dev/ttyUSB0?baud=9600&parity=none",
        Scheduling.HALF_DUPLEX, 1, Duration.ofMillis(20), Duration.ofMillis(800), 1, 64, List.of(
            new MeterEndpoint("main", "fake", "007", Optional.empty(),
                List.of(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), Quantity.of(Measurand.VOLTAGE, Phase.A)),
                Duration.ofMinutes(15)),
            new MeterEndpoint("sub", "fake", "12", Optional.of("p1"), List.of(), Duration.ofSeconds(30)))));
    FleetLine plant = fleet.lines().get(1);
    assertThat(plant.scheduling()).as("MBAP framing lets the fake protocol pipeline").isEqualTo(Scheduling.PIPELINED);
    assertThat(plant.maxInFlight()).isEqualTo(4);
    assertThat(plant.timeout()).isEqualTo(FleetFile.DEFAULT_TIMEOUT);
    assertThat(plant.retries()).isEqualTo(FleetFile.DEFAULT_RETRIES);
    assertThat(fleet.meters()).extracting(MeterEndpoint::id).containsExactly("main", "sub", "plc");
  }

  @Test
  void lineConfigCarriesTheSettingsAndTheProtocolsNeeds() {
    FleetLine rs485 = FleetFile.parse(GOOD, "good.yaml").lines().get(0);

    LineConfig config = rs485.lineConfig(rs485.createLink());

    assertThat(config.quietGap()).isEqualTo(Duration.ofMillis(20));
    assertThat(config.responseTimeout()).isEqualTo(Duration.ofMillis(800));
    assertThat(config.retryPolicy().retries()).isEqualTo(1);
    assertThat(config.queueCapacity()).isEqualTo(64);
    assertThat(config.maxInFlight()).isEqualTo(1);
    assertThat(config.idleGap()).as("asked for by the fake protocol on RTU framing").isEqualTo(Duration.ofMillis(5));
    assertThat(config.batchWrites()).isTrue();
  }

  @Test
  void reportsEveryProblemAtOnceWithLineAndField() {
    String bad = """
        interval: soon
        colour: blue
        lines:
          - id: rs485
            link: serial:/dev/ttyUSB0?bauds=9600
            scheduler: pipelined
            retries: 11
            meters:
              - id: main
                protocol: fake
                address: 1234
                quantities: [VOLTAGE.A, VOLTS]
              - id: main
                protocol: iec62056
                address: 1
              - id: third
                protocol: fake
                address: 1
                unit: 2
                profile: p9
          - id: tcp
            link: tcp://h:99999
            meters: []
          - link: udp://h:1
            scheduler: pipelined
            meters:
              - {id: x, protocol: fake, address: 1, quantities: [FREQUENCY]}
          - id: half
            link: serial:/dev/ttyS0
            max-in-flight: 3
            meters:
              - {id: y, protocol: fake, address: 1}
        """;

    FleetFileException e = catchThrowableOfType(() -> FleetFile.parse(bad, "bad.yaml"), FleetFileException.class);

    assertThat(e.problems()).extracting(FleetProblem::toString).containsExactly(
        "bad.yaml:1: interval: \"soon\" is not a duration; write a number and a unit (us, ms, s, m, h, d) such as 500ms or 2s",
        "bad.yaml:2: colour: unknown key; the file takes interval, lines",
        "bad.yaml:5: lines[0].link: bad link URI \"serial:/dev/ttyUSB0?bauds=9600\": serial takes no option \"bauds\"; "
            + "its options are baud, data-bits, parity, stop-bits, flow-control, read-timeout, write-timeout, "
            + "read-buffer-size, rs485, rs485-rts-active-high, rs485-termination, rs485-echo, rs485-delay-before-us, "
            + "rs485-delay-after-us (and framing) (option name)",
        "bad.yaml:7: lines[0].retries: must be a whole number from 0 to 10, not \"11\"",
        "bad.yaml:11: lines[0].meters[0].address: must be 1 to 3 digits, not \"1234\"",
        "bad.yaml:12: lines[0].meters[0].quantities: " + catchThrowable(() -> Quantity.parse("VOLTS")).getMessage(),
        "bad.yaml:13: lines[0].meters[1].id: another meter is called main (line 9)",
        "bad.yaml:14: lines[0].meters[1].protocol: no meter protocol \"iec62056\"; known: fake",
        "bad.yaml:19: lines[0].meters[2].unit: give address or unit, not both",
        "bad.yaml:22: lines[1].link: bad link URI \"tcp://h:99999\": port must be a number from 1 to 65535, not \"99999\" (port)",
        "bad.yaml:23: lines[1].meters: a line needs at least one meter",
        "bad.yaml:24: lines[2].id: is missing",
        "bad.yaml:27: lines[2].meters[0].quantities: cannot read FREQUENCY",
        "bad.yaml:30: lines[3].max-in-flight: a half-duplex line has one transaction in flight; max-in-flight is for pipelined lines");
  }

  @Test
  void reportsYamlSyntaxAndShapeErrors() {
    assertThat(problems("lines: [a, b", "x.yaml")).singleElement().asString().startsWith("x.yaml:1: yaml: ");
    assertThat(problems("", "x.yaml")).extracting(FleetProblem::toString)
        .containsExactly("x.yaml:1: lines: the file is empty; it needs a list of lines");
    assertThat(problems("- a\n- b\n", "x.yaml")).extracting(FleetProblem::toString)
        .containsExactly("x.yaml:1: lines: must be a mapping of keys to values");
    assertThat(problems("lines:\n  - id: a\n    id: b\n    link: tcp://h:1\n    meters: x\n", "x.yaml"))
        .extracting(FleetProblem::toString)
        .containsExactly("x.yaml:3: lines[0].id: is given twice (first on line 2)", "x.yaml:5: lines[0].meters: must be a list");
  }

  private static List<FleetProblem> problems(String yaml, String source) {
    return catchThrowableOfType(() -> FleetFile.parse(yaml, source), FleetFileException.class).problems();
  }
}
