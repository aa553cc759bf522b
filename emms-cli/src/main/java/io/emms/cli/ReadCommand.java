package io.emms.cli;

import io.emms.cli.dlt645.Dlt645ReadCommand;
import io.emms.cli.modbus.ModbusReadCommand;
import picocli.CommandLine.Command;

/** {@code emms read}: reads a meter and prints JSON. */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = "Reads a meter over TCP or a serial port and prints the readings as JSON.",
    subcommands = {Dlt645ReadCommand.class, ModbusReadCommand.class})
final class ReadCommand {}
