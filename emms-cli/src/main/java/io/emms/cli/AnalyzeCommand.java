package io.emms.cli;

import io.emms.cli.analyze.AnomaliesCommand;
import io.emms.cli.analyze.ArmaCommand;
import io.emms.cli.analyze.IndicesCommand;
import io.emms.cli.analyze.KMeansCommand;
import picocli.CommandLine.Command;

/** {@code emms analyze}: analytics on CSV files, JSON out. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyses meter series from CSV files and prints JSON.",
    subcommands = {ArmaCommand.class, KMeansCommand.class, AnomaliesCommand.class, IndicesCommand.class})
final class AnalyzeCommand {}
