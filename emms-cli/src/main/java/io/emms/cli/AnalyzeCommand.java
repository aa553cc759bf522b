package io.emms.cli;

import picocli.CommandLine.Command;

/** {@code emms analyze}: analytics on CSV files, JSON out. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyses meter series from CSV files and prints JSON.",
    subcommands = {})
final class AnalyzeCommand {}
