package io.emms.cli.dlt645;

import io.emms.cli.command.BadInputException;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Parsing of the DL/T 645 options shared by the commands, with messages a field engineer understands. */
public final class Dlt645Options {

  private Dlt645Options() {}

  public static Dlt645Edition edition(String edition) {
    return switch (edition) {
      case "1997" -> Dlt645Edition.V1997;
      case "2007" -> Dlt645Edition.V2007;
      default -> throw new BadInputException("edition must be 1997 or 2007, not \"" + edition + "\"");
    };
  }

  public static Dlt645Address address(String address) {
    try {
      return Dlt645Address.of(address);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("meter address must be 12 digits, not \"" + address + "\"", e);
    }
  }

  /** The meters' local time zone: their clocks and date registers carry no zone of their own. */
  public static ZoneId zone(String zone) {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new BadInputException(
          "--zone must be a time-zone id such as Asia/Shanghai or UTC, not \"" + zone + "\"", e);
    }
  }

  /** A data identifier as written in the tables: 8 hex digits (2007) or 4 (1997). */
  public static int dataId(String di, Dlt645Edition edition) {
    int digits = edition == Dlt645Edition.V2007 ? 8 : 4;
    if (!di.matches("(?i)[0-9a-f]{" + digits + "}")) {
      throw new BadInputException("a DL/T 645-" + (edition == Dlt645Edition.V2007 ? "2007" : "1997")
          + " data identifier has " + digits + " hex digits, not \"" + di + "\"");
    }
    return (int) Long.parseLong(di, 16);
  }
}
