package io.emms.cli.analyze;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --input FILE.csv} option shared by the analysis commands. */
final class InputOption {

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "CSV file to analyse")
  Path input;

  /** The table; says on stderr how it was read when that was not plain CSV, so a misread file is noticed. */
  CsvTable table() {
    CsvTable table = CsvTable.read(input);
    if (!table.dialect().isEmpty()) {
      command.commandLine().getErr().println("emms: " + table.source() + ": read with " + table.dialect());
    }
    return table;
  }
}
