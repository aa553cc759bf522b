package io.emms.server.registry;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** How a meter is spoken to, and what its address looks like for that protocol. */
public enum MeterProfile {
  /** DL/T 645-2007: 12 BCD digits. */
  DLT645_2007("dlt645-2007", Pattern.compile("\\d{12}"), "12 decimal digits"),
  /** DL/T 645-1997: 12 BCD digits. */
  DLT645_1997("dlt645-1997", Pattern.compile("\\d{12}"), "12 decimal digits"),
  /** Modbus TCP: the unit identifier 1..247. */
  MODBUS_TCP("modbus-tcp", Pattern.compile("(?:[1-9]|[1-9]\\d|1\\d\\d|2[0-3]\\d|24[0-7])"), "a unit id 1..247"),
  /** Modbus RTU framed over TCP: the unit identifier 1..247. */
  MODBUS_RTU_OVER_TCP("modbus-rtu-over-tcp", MODBUS_TCP.address, "a unit id 1..247"),
  /** Telemetry published over MQTT: the device identifier in the topic. */
  MQTT("mqtt", Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), "1-64 letters, digits, '.', '_' or '-'"),
  /** NB-IoT uplinks: the device's IMEI (15 digits). */
  NBIOT("nbiot", Pattern.compile("\\d{15}"), "an IMEI of 15 digits");

  private final String id;
  private final Pattern address;
  private final String addressRule;

  MeterProfile(String id, Pattern address, String addressRule) {
    this.id = id;
    this.address = address;
    this.addressRule = addressRule;
  }

  /** The name used in the API and the database. */
  public String id() {
    return id;
  }

  /** Whether {@code candidate} is a valid address for this profile. */
  public boolean validAddress(String candidate) {
    return candidate != null && address.matcher(candidate).matches();
  }

  /** What a valid address looks like, for error messages. */
  public String addressRule() {
    return addressRule;
  }

  public static Optional<MeterProfile> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }
}
