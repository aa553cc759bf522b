package io.emms.cli.dlt645;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.command.CommandFailure;
import io.emms.cli.command.ExitCode;
import io.emms.cli.command.LinkOptions;
import io.emms.cli.command.Progress;
import io.emms.cli.output.HexInput;
import io.emms.cli.output.JsonOutput;
import io.emms.core.link.Link;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.dlt645.catalogue.DataItem;
import io.emms.dlt645.catalogue.Dlt645Catalogue;
import io.emms.dlt645.catalogue.Dlt645ValueCodec;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.client.Dlt645ReadResult;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645ErrorReplyException;
import io.emms.transport.serial.Parity;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms read dlt645}: reads data identifiers from one meter and prints them as one JSON object. */
@Command(
    name = "dlt645",
    mixinStandardHelpOptions = true,
    description = "Reads data identifiers from a DL/T 645 meter and prints the values as JSON.")
public final class Dlt645ReadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = false, multiplicity = "1")
  LinkOptions link;

  @Option(names = "--address", required = true, paramLabel = "ADDR",
      description = "12-digit meter address; AAAAAAAAAAAA reaches the only meter on a bus")
  String address;

  @Option(names = "--di", required = true, paramLabel = "DI",
      description = "data identifier as in the tables (00010000 for 2007, 9010 for 1997); repeat for several")
  List<String> dataIds;

  @Option(names = "--edition", defaultValue = "2007", description = "1997 or 2007 (default ${DEFAULT-VALUE})")
  String edition;

  @Option(names = "--timeout", defaultValue = "2000", paramLabel = "MS", description = "response timeout in ms (default ${DEFAULT-VALUE})")
  long timeoutMillis;

  @Option(names = "--zone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
      description = "the meter's local time zone, in which its clock values are (default ${DEFAULT-VALUE})")
  String zone;

  @Override
  public Integer call() {
    Dlt645Edition ed = Dlt645Options.edition(edition);
    ZoneId meterZone = Dlt645Options.zone(zone);
    Dlt645Address meter = Dlt645Options.address(address);
    List<Integer> ids = dataIds.stream().map(di -> Dlt645Options.dataId(di, ed)).toList();
    Dlt645ClientConfig config = Dlt645ClientConfig.builder()
        .responseTimeout(LinkOptions.timeout(timeoutMillis))
        .defaultEdition(ed)
        .zone(meterZone)
        .build();
    Link bus = link.open(Parity.EVEN, 2400);
    try (Dlt645Client client = Dlt645Client.create(bus, config)) {
      client.connect().join();
      ObjectNode json = JsonOutput.object();
      json.put("link", bus.name());
      json.put("address", meter.toString());
      json.put("edition", edition);
      json.put("zone", meterZone.getId());
      ArrayNode readings = json.putArray("readings");
      boolean allRead = true;
      try (Progress progress = Progress.of(spec)) {
        for (int di : ids) {
          progress.show("read dlt645: " + Dlt645DataId.format(di, ed) + " from " + meter + " on " + bus.name());
          allRead &= read(client, meter, ed, di, readings.addObject());
        }
      }
      spec.commandLine().getOut().println(JsonOutput.line(json));
      spec.commandLine().getOut().flush();
      return allRead ? ExitCode.OK : ExitCode.NOT_READ;
    } finally {
      bus.close();
    }
  }

  private static boolean read(Dlt645Client client, Dlt645Address meter, Dlt645Edition edition, int di, ObjectNode out) {
    Dlt645Catalogue catalogue = Dlt645Catalogue.of(edition);
    Optional<DataItem> item = catalogue.find(di);
    out.put("di", Dlt645DataId.format(di, edition));
    out.put("name", item.map(DataItem::name).orElse("uncatalogued"));
    try {
      Dlt645ReadResult result = client.read(meter, di).join();
      byte[] raw = result.value();
      out.put("quality", "VALID");
      out.put("data", HexInput.hex(raw, 0, raw.length));
      ArrayNode values = out.putArray("values");
      item.ifPresent(i -> Dlt645ValueJson.append(catalogue, i, Dlt645ValueCodec.decode(i, result.valueBuffer()).value(), values));
      return true;
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (CommandFailure.causedByLink(cause)) {
        throw e;
      }
      if (cause instanceof Dlt645ErrorReplyException error) {
        out.put("quality", "ERROR");
        ObjectNode err = out.putObject("error");
        err.put("code", String.format("%02X", error.errorByte()));
        ArrayNode reasons = err.putArray("reasons");
        error.reasons().forEach(r -> reasons.add(r.name()));
        if (error.mayBeOtherEdition()) {
          err.put("hint", "the meter may speak DL/T 645-" + (edition == Dlt645Edition.V2007 ? "1997" : "2007")
              + "; try --edition " + (edition == Dlt645Edition.V2007 ? "1997" : "2007"));
        }
      } else {
        out.put("quality", cause instanceof MeterTimeoutException ? "TIMEOUT" : "ERROR");
        out.put("message", String.valueOf(cause.getMessage()));
      }
      return false;
    }
  }
}
