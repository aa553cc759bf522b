package io.emms.cli;

import io.emms.cli.dlt645.Dlt645SimulateCommand;
import io.emms.cli.modbus.ModbusSimulateCommand;
import io.emms.cli.poll.LineSimulateCommand;
import picocli.CommandLine.Command;

/** {@code emms simulate}: serves simulated meters until stopped. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Runs simulated meters until stopped (Ctrl-C).",
    subcommands = {Dlt645SimulateCommand.class, ModbusSimulateCommand.class, LineSimulateCommand.class})
final class SimulateCommand {}
