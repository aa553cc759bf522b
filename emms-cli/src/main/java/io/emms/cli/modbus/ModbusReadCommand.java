package io.emms.cli.modbus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.command.BadInputException;
import io.emms.cli.command.CommandFailure;
import io.emms.cli.command.ExitCode;
import io.emms.cli.command.LinkOptions;
import io.emms.cli.command.Progress;
import io.emms.cli.output.JsonOutput;
import io.emms.core.link.Link;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Reading;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusExceptionResponseException;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.ModbusTimeoutException;
import io.emms.modbus.client.RegisterRange;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.RegisterView;
import io.emms.modbus.profile.MeterProfile;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ModbusMeterReader;
import io.emms.transport.serial.Parity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms read modbus}: a profiled meter's named readings, or raw registers. */
@Command(
    name = "modbus",
    mixinStandardHelpOptions = true,
    description = "Reads a Modbus meter (TCP, or RTU on a serial port) and prints JSON.")
public final class ModbusReadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = false, multiplicity = "1")
  LinkOptions link;

  @Option(names = "--unit", required = true, description = "unit id (server address) 1..247")
  int unit;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--profile", paramLabel = "NAME", description = "read every quantity of a meter profile")
    String profile;

    @ArgGroup(exclusive = false)
    Raw raw;
  }

  static final class Raw {
    @Option(names = "--function", required = true, description = "3 (holding) or 4 (input registers)")
    int function;

    @Option(names = "--address", required = true, description = "first register, 0-based")
    int address;

    @Option(names = "--count", required = true, description = "number of registers, 1..125")
    int count;
  }

  @Option(names = "--timeout", defaultValue = "2000", paramLabel = "MS", description = "response timeout in ms (default ${DEFAULT-VALUE})")
  long timeoutMillis;

  @Override
  public Integer call() {
    if (unit < 1 || unit > 247) {
      throw new BadInputException("--unit must be 1..247, not " + unit);
    }
    Duration timeout = LinkOptions.timeout(timeoutMillis);
    MeterProfile profile = what.profile == null ? null : profile(what.profile);
    RegisterRange range = what.raw == null ? null : range(what.raw);
    Link bus = link.open(Parity.EVEN, 9600);
    ModbusMode mode = bus.name().startsWith("tcp") ? ModbusMode.TCP : ModbusMode.RTU;
    ModbusClientConfig config = ModbusClientConfig.builder().mode(mode).timeout(timeout).build();
    try (ModbusClient client = ModbusClient.create(bus, config)) {
      client.connect().join();
      ObjectNode json = JsonOutput.object();
      json.put("unit", unit);
      boolean allRead = profile != null ? profiled(client, profile, json) : registers(client, range, json);
      spec.commandLine().getOut().println(JsonOutput.line(json));
      spec.commandLine().getOut().flush();
      return allRead ? ExitCode.OK : ExitCode.NOT_READ;
    } finally {
      bus.close();
    }
  }

  private static MeterProfile profile(String name) {
    return MeterProfiles.find(name).orElseThrow(() -> new BadInputException(
        "unknown profile \"" + name + "\"; profiles are " + MeterProfiles.names()));
  }

  private static RegisterRange range(Raw raw) {
    if (raw.function != 3 && raw.function != 4) {
      throw new BadInputException("--function must be 3 or 4, not " + raw.function);
    }
    if (raw.address < 0 || raw.address > 65535) {
      throw new BadInputException("--address must be 0..65535, not " + raw.address);
    }
    if (raw.count < 1 || raw.count > 125) {
      throw new BadInputException("--count must be 1..125, not " + raw.count);
    }
    if (raw.address + raw.count > 65536) {
      throw new BadInputException("--address " + raw.address + " --count " + raw.count + " ends beyond register 65535");
    }
    return new RegisterRange(
        raw.function == 3 ? RegisterTable.HOLDING_REGISTERS : RegisterTable.INPUT_REGISTERS, raw.address, raw.count);
  }

  /** Every quantity of the profile; a reading that failed names the registers that were asked for it. */
  private boolean profiled(ModbusClient client, MeterProfile profile, ObjectNode json) {
    List<Reading> readings;
    try (Progress progress = Progress.of(spec)) {
      progress.show("read modbus: " + profile.model() + " unit " + unit);
      readings = new ModbusMeterReader(client, profile).readAll(Integer.toString(unit)).join();
    }
    json.put("profile", what.profile);
    json.put("model", profile.model());
    ArrayNode array = json.putArray("readings");
    boolean allRead = true;
    for (Reading r : readings) {
      ObjectNode o = array.addObject();
      o.put("quantity", r.quantity().toString());
      if (r.hasValue()) {
        o.put("value", r.value());
      } else {
        o.putNull("value");
      }
      o.put("unit", r.unit().symbol());
      o.put("quality", r.quality().name());
      if (r.quality() != Quality.VALID) {
        allRead = false;
        profile.point(r.quantity()).ifPresent(p -> o.put("registers", describe(p.range())));
      }
    }
    return allRead;
  }

  private boolean registers(ModbusClient client, RegisterRange range, ObjectNode json) {
    json.put("function", range.table().readFunction());
    json.put("address", range.address());
    try {
      RegisterView response = range.table() == RegisterTable.HOLDING_REGISTERS
          ? client.readHoldingRegisters(unit, range.address(), range.count()).join()
          : client.readInputRegisters(unit, range.address(), range.count()).join();
      ArrayNode values = json.putArray("registers");
      for (int v : response.registerValues()) {
        values.add(v);
      }
      return true;
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (CommandFailure.causedByLink(cause)) {
        throw e;
      }
      if (cause instanceof ModbusExceptionResponseException refused) {
        json.putObject("exception")
            .put("code", refused.code())
            .put("name", refused.exceptionCode() == null ? "UNDEFINED" : refused.exceptionCode().name());
        json.put("message", "unit " + unit + " refused " + describe(range) + otherTableHint(refused, range));
      } else if (cause instanceof ModbusTimeoutException) {
        json.put("quality", "TIMEOUT");
        json.put("message", "unit " + unit + " did not answer within " + timeoutMillis + " ms");
      } else {
        throw e;
      }
      return false;
    }
  }

  /** {@code "input registers 0..9 (function 4)"}: what was asked, as the meter's manual lists it. */
  private static String describe(RegisterRange range) {
    String table = range.table().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return table + " " + range.address() + ".." + (range.end() - 1)
        + " (function " + range.table().readFunction() + ")";
  }

  /** Meters put measurements in one table (SDM630: input registers): exception 02 often means the other one. */
  private static String otherTableHint(ModbusExceptionResponseException refused, RegisterRange range) {
    if (refused.exceptionCode() != ExceptionCode.ILLEGAL_DATA_ADDRESS) {
      return "";
    }
    return range.table() == RegisterTable.HOLDING_REGISTERS
        ? "; the meter may keep them in input registers (--function 4)"
        : "; the meter may keep them in holding registers (--function 3)";
  }
}
