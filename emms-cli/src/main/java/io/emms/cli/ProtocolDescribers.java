package io.emms.cli;

import io.emms.cli.command.BadInputException;
import io.emms.cli.dlt645.Dlt645FrameDescriber;
import io.emms.cli.dlt645.Dlt645Options;
import io.emms.cli.modbus.ModbusFrameDescriber;
import io.emms.cli.output.FrameDescriber;
import io.emms.modbus.frame.Framing;
import io.emms.modbus.pdu.Direction;

/** Picks the frame describer for {@code --protocol}. */
final class ProtocolDescribers {

  private ProtocolDescribers() {}

  static FrameDescriber forProtocol(String protocol, String edition, String direction) {
    return switch (protocol) {
      case "dlt645" -> new Dlt645FrameDescriber(edition == null ? null : Dlt645Options.edition(edition));
      case "modbus-rtu" -> new ModbusFrameDescriber(Framing.RTU, modbusDirection(direction));
      case "modbus-tcp" -> new ModbusFrameDescriber(Framing.TCP, modbusDirection(direction));
      default -> throw new BadInputException("unknown protocol \"" + protocol + "\" (dlt645, modbus-rtu, modbus-tcp)");
    };
  }

  private static Direction modbusDirection(String direction) {
    if (direction == null) {
      return null;
    }
    return switch (direction) {
      case "request" -> Direction.REQUEST;
      case "response" -> Direction.RESPONSE;
      default -> throw new BadInputException("--direction must be request or response, not \"" + direction + "\"");
    };
  }
}
