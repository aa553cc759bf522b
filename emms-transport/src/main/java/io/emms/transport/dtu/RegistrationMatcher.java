package io.emms.transport.dtu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Recognises a DTU's registration packet at the start of its byte stream and reads the id out of it. Implement it
 * for a registration the factories here do not cover.
 *
 * <p>Implementations read {@code in} with absolute gets and never move its indices; they must not throw on bad
 * input.
 */
public interface RegistrationMatcher {

  /** {@link #match} result: the bytes so far are the start of a registration; wait for more. */
  int NEED_MORE = -1;
  /** {@link #match} result: the bytes can never become a registration. */
  int NO_MATCH = 0;

  /**
   * Whether the readable bytes of {@code in} start with a registration packet.
   *
   * @return the packet's length, {@link #NEED_MORE} or {@link #NO_MATCH}
   */
  int match(ByteBuf in);

  /** The id carried by the registration packet of {@code length} bytes at {@code in}'s reader index. */
  String id(ByteBuf in, int length);

  /** The longest registration packet: more bytes than this without a match are garbage. */
  int maxLength();

  /** A packet of exactly {@code length} bytes, all of them the id (an IMEI of 15 digits, a 6-byte MAC). */
  static RegistrationMatcher fixedLength(int length, DtuIdFormat format) {
    return new FixedLengthRegistration(new byte[0], length, new byte[0], format);
  }

  /**
   * A packet of {@code length} bytes in all that starts with the bytes of {@code hexPrefix}; the id is the rest.
   *
   * @param hexPrefix the constant head, in hex digits, e.g. {@code "AA55"}
   */
  static RegistrationMatcher hexPrefix(String hexPrefix, int length, DtuIdFormat format) {
    byte[] head = ByteBufUtil.decodeHexDump(hexPrefix);
    return new FixedLengthRegistration(head, length - head.length, new byte[0], format);
  }

  /**
   * Text that {@code regex} matches from the first byte; the id is its first group, or the whole match if it has
   * none. The expression must end the packet by itself (e.g. {@code "REG:(\\d{15})"}): what it matches of the bytes
   * at hand is taken. Bytes are read as ISO-8859-1, so binary heads can be written as {@code \\xNN}.
   */
  static RegistrationMatcher regex(String regex, int maxLength) {
    return new RegexRegistration(Pattern.compile(regex), maxLength);
  }

  /** ASCII id text ended by {@code delimiter} (e.g. CR LF); the id excludes the delimiter. */
  static RegistrationMatcher delimiter(String delimiter, int maxLength) {
    return new DelimitedRegistration(delimiter.getBytes(StandardCharsets.US_ASCII), maxLength);
  }
}
