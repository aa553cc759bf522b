package io.emms.cli.analyze;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --input FILE.csv} option shared by the analysis commands. */
final class InputOption {

  @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "CSV file to analyse")
  Path input;

  CsvTable table() {
    return CsvTable.read(input);
  }
}
