package io.emms.transport.dtu;

import io.emms.core.link.Framing;
import io.emms.core.link.Link;
import io.emms.core.link.LinkProvider;
import io.emms.core.link.LinkUri;
import io.emms.core.link.LinkUriException.Part;
import java.util.List;

/**
 * {@code dtu://ID[?server=HOST:PORT]}: the {@link DtuLink} of DTU {@code ID} on a {@link DtuServer} listening in
 * this process (the one named by {@code server}, needed only when several listen). The link exists before the DTU
 * dials in and opens when it registers. The serial bus behind a DTU carries Modbus RTU framing by default.
 */
public class DtuLinkProvider implements LinkProvider {

  @Override
  public String scheme() {
    return "dtu";
  }

  @Override
  public Framing defaultFraming() {
    return Framing.RTU;
  }

  @Override
  public Link create(LinkUri uri) {
    String id = uri.requireHost();
    if (!uri.path().isEmpty() || uri.port().isPresent()) {
      throw uri.error(Part.PATH, "dtu takes an id only: dtu://ID[?server=HOST:PORT]");
    }
    LinkUri.Options options = uri.options();
    String wanted = options.text("server").orElse(null);
    options.finish();
    return server(uri, wanted).link(id);
  }

  private static DtuServer server(LinkUri uri, String wanted) {
    List<DtuServer> servers = DtuServer.listening();
    if (servers.isEmpty()) {
      throw uri.error(Part.SCHEME, "no DTU server listens in this process; start one first "
          + "(emms poll --dtu-listen HOST:PORT, or a DtuServer)");
    }
    if (wanted == null) {
      if (servers.size() > 1) {
        throw uri.error(Part.OPTION_NAME, "several DTU servers listen (" + addresses(servers)
            + "); name one with ?server=HOST:PORT");
      }
      return servers.get(0);
    }
    return servers.stream().filter(s -> address(s).equals(wanted)).findFirst().orElseThrow(() -> uri.error(
        Part.OPTION_VALUE, "no DTU server listens on " + wanted + "; listening: " + addresses(servers)));
  }

  private static String address(DtuServer server) {
    return server.config().bindAddress() + ":" + server.port();
  }

  private static String addresses(List<DtuServer> servers) {
    return String.join(", ", servers.stream().map(DtuLinkProvider::address).sorted().toList());
  }
}
