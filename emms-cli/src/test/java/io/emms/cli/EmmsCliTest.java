package io.emms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmmsCliTest {

  @Test
  void badOptionIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("decode", "--protocol");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1).first().asString().startsWith("emms: ").endsWith("(see --help)");
  }

  @Test
  void unknownProtocolIsNamed() {
    CliRun run = CliRun.of("decode", "--protocol", "iec62056", "00");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown protocol \"iec62056\"");
  }

  @Test
  void helpListsEveryCommand() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("decode", "simulate", "read", "analyze");
  }
}
