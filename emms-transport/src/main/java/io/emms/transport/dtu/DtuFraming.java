package io.emms.transport.dtu;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a DTU family frames what it sends of its own: the registration packet (and when it is sent), the heartbeat,
 * and, for the DTU side, how to make both. Pick a named one ({@link #named}) or build one with {@link #of}.
 *
 * <p>Named framings:
 * <ul>
 *   <li>{@code usr-iot} (the default): USR-IOT style. Registration is a user-defined packet sent once at connect
 *       (USR-N580 user manual, 5.6 "Registry Packet": user-defined, at most 40 bytes, "connect with"); here the
 *       id in ASCII followed by CR LF, so that a stream can tell where it ends. The heartbeat is the text
 *       {@code www.usr.cn}, the example heartbeat data of the USR-DR404 user manual
 *       ({@code AT+HEARTDT=7777772E7573722E636E}, {@code AT+HEARTTM=30}).</li>
 *   <li>{@code usr-iot-data}: the same, with the registration also carried at the head of every packet
 *       (USR-N580's "data with", HF2411's {@code AT+NREGSND=A,data}).</li>
 *   <li>{@code fastbee-7e}: the framed registration and heartbeat of the FastBee/IoT-netty "TCP-DTU" protocol
 *       ({@code com.sydh.modbus.pak.TcpDtu} and {@code ModbusRtu} in github.com/zpengcheng666/IoT-netty): start
 *       byte {@code 0x7E}, type {@code 0x80} registration followed by a 6-byte MAC and an end byte {@code 0x7E};
 *       type {@code 0x81} heartbeat {@code 7E 81 7E}. The id is the MAC in 12 upper-case hex digits.</li>
 * </ul>
 */
public final class DtuFraming {

  /** The framing used when none is named, on both the server and the DTU side. */
  public static final String DEFAULT = "usr-iot";

  private static final String USR_HEARTBEAT = "www.usr.cn";
  private static final int USR_MAX_REGISTRATION = 40 + 2;
  private static final byte[] FASTBEE_REGISTRATION_HEAD = {0x7E, (byte) 0x80};
  private static final byte[] FASTBEE_END = {0x7E};
  private static final byte[] FASTBEE_HEARTBEAT = {0x7E, (byte) 0x81, 0x7E};

  private final String name;
  private final RegistrationMatcher registration;
  private final RegistrationMode mode;
  private final HeartbeatMatcher heartbeat;
  private final Function<String, byte[]> registrationPacket;
  private final byte[] heartbeatPacket;

  private DtuFraming(String name, RegistrationMatcher registration, RegistrationMode mode,
      HeartbeatMatcher heartbeat, Function<String, byte[]> registrationPacket, byte[] heartbeatPacket) {
    this.name = Objects.requireNonNull(name, "name");
    this.registration = Objects.requireNonNull(registration, "registration");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    this.registrationPacket = Objects.requireNonNull(registrationPacket, "registrationPacket");
    this.heartbeatPacket = heartbeatPacket.clone();
  }

  /**
   * A framing of one's own.
   *
   * @param registrationPacket what a DTU with a given id sends to register (used by {@link DtuClient})
   * @param heartbeatPacket what a DTU sends as its heartbeat (used by {@link DtuClient}); empty for none
   */
  public static DtuFraming of(String name, RegistrationMatcher registration, RegistrationMode mode,
      HeartbeatMatcher heartbeat, Function<String, byte[]> registrationPacket, byte[] heartbeatPacket) {
    return new DtuFraming(name, registration, mode, heartbeat, registrationPacket, heartbeatPacket);
  }

  /** The names {@link #named} knows. */
  public static List<String> names() {
    return List.of("usr-iot", "usr-iot-data", "fastbee-7e");
  }

  /** A named framing (see the class comment); fails with {@link IllegalArgumentException} for an unknown name. */
  public static DtuFraming named(String name) {
    return switch (name) {
      case "usr-iot" -> usrIot("usr-iot", RegistrationMode.ONCE_AT_CONNECT);
      case "usr-iot-data" -> usrIot("usr-iot-data", RegistrationMode.PREFIX_ON_EVERY_PACKET);
      case "fastbee-7e" -> fastbee();
      default -> throw new IllegalArgumentException("unknown DTU framing " + name + "; known: " + names());
    };
  }

  private static DtuFraming usrIot(String name, RegistrationMode mode) {
    return new DtuFraming(name, RegistrationMatcher.delimiter("\r\n", USR_MAX_REGISTRATION), mode,
        HeartbeatMatcher.text(USR_HEARTBEAT), id -> (id + "\r\n").getBytes(StandardCharsets.US_ASCII),
        USR_HEARTBEAT.getBytes(StandardCharsets.US_ASCII));
  }

  private static DtuFraming fastbee() {
    FixedLengthRegistration registration =
        new FixedLengthRegistration(FASTBEE_REGISTRATION_HEAD, 6, FASTBEE_END, DtuIdFormat.HEX);
    return new DtuFraming("fastbee-7e", registration, RegistrationMode.ONCE_AT_CONNECT,
        HeartbeatMatcher.exact(FASTBEE_HEARTBEAT), registration::packet, FASTBEE_HEARTBEAT);
  }

  public String name() {
    return name;
  }

  public RegistrationMatcher registration() {
    return registration;
  }

  public RegistrationMode mode() {
    return mode;
  }

  public HeartbeatMatcher heartbeat() {
    return heartbeat;
  }

  /** The registration packet a DTU with {@code id} sends; fails if the id does not fit this framing. */
  public byte[] registrationPacket(String id) {
    return registrationPacket.apply(id).clone();
  }

  /** The heartbeat packet a DTU sends; empty if it sends none. */
  public byte[] heartbeatPacket() {
    return heartbeatPacket.clone();
  }

  @Override
  public String toString() {
    return name;
  }
}
