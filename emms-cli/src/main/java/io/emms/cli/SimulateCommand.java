package io.emms.cli;

import picocli.CommandLine.Command;

/** {@code emms simulate}: serves simulated meters until stopped. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Runs simulated meters until stopped (Ctrl-C).",
    subcommands = {})
final class SimulateCommand {}
