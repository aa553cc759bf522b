package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.bus.fleet.Fleet;
import io.emms.bus.fleet.FleetFile;
import io.emms.bus.fleet.MeterEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every example fleet file in docs/fleets parses with the real protocols and transports. */
class FleetFilesInDocsTest {

  private static final Path DOCS = Path.of("..", "docs", "fleets");

  @Test
  void everyFleetFileInDocsIsValid() throws Exception {
    List<Path> files;
    try (Stream<Path> listed = Files.list(DOCS)) {
      files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("demo.yaml", "mixed-rs485.yaml", "plant.yaml");
    for (Path file : files) {
      Fleet fleet = FleetFile.read(file);
      assertThat(fleet.meters()).as(file.toString()).isNotEmpty();
      for (var line : fleet.lines()) {
        assertThat(line.createLink().link()).as(line.link()).isNotNull();
      }
    }
  }

  @Test
  void theMixedRs485FileMixesProtocolsOnOneLine() throws Exception {
    Fleet fleet = FleetFile.read(DOCS.resolve("mixed-rs485.yaml"));

    assertThat(fleet.lines()).singleElement().satisfies(line -> assertThat(line.meters())
        .extracting(MeterEndpoint::protocol).containsExactly("dlt645-2007", "dlt645-1997", "modbus", "modbus"));
  }
}
