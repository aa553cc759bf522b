package io.emms.cli;

import io.emms.cli.dlt645.Dlt645FrameDescriber;
import io.emms.cli.dlt645.Dlt645Options;
import io.emms.cli.output.FrameDescriber;

/** Picks the frame describer for {@code --protocol}. */
final class ProtocolDescribers {

  private ProtocolDescribers() {}

  static FrameDescriber forProtocol(String protocol, String edition, String direction) {
    return switch (protocol) {
      case "dlt645" -> new Dlt645FrameDescriber(edition == null ? null : Dlt645Options.edition(edition));
      default -> throw new BadInputException("unknown protocol \"" + protocol + "\" (dlt645, modbus-rtu, modbus-tcp)");
    };
  }
}
