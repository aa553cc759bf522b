package io.emms.cli.modbus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.BadInputException;
import io.emms.cli.LinkOptions;
import io.emms.cli.output.JsonOutput;
import io.emms.core.link.Link;
import io.emms.core.reading.Reading;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusExceptionResponseException;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.pdu.RegisterView;
import io.emms.modbus.profile.MeterProfile;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ModbusMeterReader;
import io.emms.transport.serial.Parity;
import java.time.Duration;
import java.util.List;
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
    Link bus = link.open(Parity.EVEN, 9600);
    ModbusMode mode = bus.name().startsWith("tcp") ? ModbusMode.TCP : ModbusMode.RTU;
    ModbusClientConfig config = ModbusClientConfig.builder().mode(mode).timeout(Duration.ofMillis(timeoutMillis)).build();
    try (ModbusClient client = ModbusClient.create(bus, config)) {
      client.connect().join();
      ObjectNode json = what.profile != null ? profiled(client) : registers(client);
      spec.commandLine().getOut().println(JsonOutput.line(json));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (CompletionException e) {
      if (e.getCause() instanceof ModbusExceptionResponseException refused) {
        ObjectNode json = JsonOutput.object();
        json.put("unit", unit);
        json.putObject("exception").put("code", refused.exceptionCode().code()).put("name", refused.exceptionCode().name());
        spec.commandLine().getOut().println(JsonOutput.line(json));
        spec.commandLine().getOut().flush();
        return 1;
      }
      throw new BadInputException(bus.name() + " unit " + unit + ": " + e.getCause().getMessage(), e);
    } finally {
      bus.close();
    }
  }

  private ObjectNode profiled(ModbusClient client) {
    MeterProfile profile = MeterProfiles.find(what.profile).orElseThrow(() -> new BadInputException(
        "unknown profile \"" + what.profile + "\"; profiles are " + MeterProfiles.names()));
    List<Reading> readings = new ModbusMeterReader(client, profile).readAll(Integer.toString(unit)).join();
    ObjectNode json = JsonOutput.object();
    json.put("unit", unit);
    json.put("profile", what.profile);
    json.put("model", profile.model());
    ArrayNode array = json.putArray("readings");
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
    }
    return json;
  }

  private ObjectNode registers(ModbusClient client) {
    Raw raw = what.raw;
    if (raw.function != 3 && raw.function != 4) {
      throw new BadInputException("--function must be 3 or 4, not " + raw.function);
    }
    if (raw.count < 1 || raw.count > 125) {
      throw new BadInputException("--count must be 1..125, not " + raw.count);
    }
    RegisterView response = raw.function == 3
        ? client.readHoldingRegisters(unit, raw.address, raw.count).join()
        : client.readInputRegisters(unit, raw.address, raw.count).join();
    ObjectNode json = JsonOutput.object();
    json.put("unit", unit);
    json.put("function", raw.function);
    json.put("address", raw.address);
    ArrayNode values = json.putArray("registers");
    for (int v : response.registerValues()) {
      values.add(v);
    }
    return json;
  }
}
