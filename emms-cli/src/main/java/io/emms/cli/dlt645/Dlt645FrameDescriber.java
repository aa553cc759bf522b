package io.emms.cli.dlt645;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.command.BadInputException;
import io.emms.cli.output.FrameDescriber;
import io.emms.cli.output.HexInput;
import io.emms.cli.output.JsonOutput;
import io.emms.dlt645.catalogue.Dlt645Catalogue;
import io.emms.dlt645.catalogue.Dlt645ValueCodec;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645ErrorReason;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645FrameDecoder;
import io.emms.dlt645.codec.Dlt645Function;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Optional;

/**
 * Describes one DL/T 645 frame for {@code emms decode}. A frame with a wrong checksum is still described (with
 * {@code "checksumOk": false}) so that a field engineer sees what the meter meant; anything that does not have a
 * frame's shape is rejected with the reason.
 */
public final class Dlt645FrameDescriber implements FrameDescriber {

  private static final int START = 0x68;
  private static final int END = 0x16;
  private static final int WAKE_UP = 0xFE;
  private static final int OVERHEAD = 12;

  private final Dlt645Edition forcedEdition;

  /** @param edition the edition to decode as, or {@code null} to recognise it from the control code */
  public Dlt645FrameDescriber(Dlt645Edition edition) {
    this.forcedEdition = edition;
  }

  @Override
  public ObjectNode describe(byte[] input) {
    int start = 0;
    while (start < input.length && (input[start] & 0xFF) == WAKE_UP) {
      start++;
    }
    int length = input.length - start;
    checkShape(input, start, length);
    boolean checksumOk = checksum(input, start, length) == (input[input.length - 2] & 0xFF);
    byte[] frameBytes = java.util.Arrays.copyOfRange(input, start, input.length);
    if (!checksumOk) {
      frameBytes[frameBytes.length - 2] = (byte) checksum(frameBytes, 0, frameBytes.length);
    }
    ByteBuf buf = Unpooled.wrappedBuffer(frameBytes);
    try {
      Dlt645Frame frame = new Dlt645FrameDecoder().decode(buf);
      if (frame == null) {
        throw new BadInputException("not a DL/T 645 frame: " + HexInput.hex(input, 0, input.length));
      }
      ObjectNode json = describe(frame);
      json.put("checksumOk", checksumOk);
      return json;
    } finally {
      buf.release();
    }
  }

  private static void checkShape(byte[] b, int start, int length) {
    if (length < OVERHEAD) {
      throw new BadInputException("a DL/T 645 frame has at least 12 bytes after the FE wake-up bytes, got " + length);
    }
    if ((b[start] & 0xFF) != START) {
      throw new BadInputException(String.format("a DL/T 645 frame starts with 68 (after FE bytes), not %02X", b[start]));
    }
    if ((b[start + 7] & 0xFF) != START) {
      throw new BadInputException(String.format("byte 8 of a DL/T 645 frame is 68, not %02X", b[start + 7]));
    }
    int dataLength = b[start + 9] & 0xFF;
    if (length != OVERHEAD + dataLength) {
      throw new BadInputException("L = " + dataLength + " means a " + (OVERHEAD + dataLength)
          + "-byte frame, but " + length + " bytes were given");
    }
    if ((b[b.length - 1] & 0xFF) != END) {
      throw new BadInputException(String.format("a DL/T 645 frame ends with 16, not %02X", b[b.length - 1]));
    }
  }

  /** Sum of the bytes from the first 68 through the last DATA byte, mod 256. */
  private static int checksum(byte[] b, int start, int length) {
    int sum = 0;
    for (int i = start; i < start + length - 2; i++) {
      sum += b[i] & 0xFF;
    }
    return sum & 0xFF;
  }

  private ObjectNode describe(Dlt645Frame frame) {
    ByteBuf data = frame.data();
    Dlt645Edition edition = forcedEdition != null ? forcedEdition : recognise(frame);
    Optional<Dlt645Function> function = Dlt645Function.of(frame.functionBits(), edition);
    ObjectNode json = JsonOutput.object();
    json.put("edition", edition == Dlt645Edition.V1997 ? "1997" : "2007");
    json.put("address", frame.address().toString());
    json.put("control", String.format("%02X", frame.control()));
    json.put("function", function.map(Enum::name).orElse(String.format("UNKNOWN_%02X", frame.functionBits())));
    json.put("direction", frame.isResponse() ? "response" : "request");
    json.put("errorReply", frame.isErrorReply());
    json.put("followUp", frame.hasFollowUp());
    json.put("data", hex(data));
    ArrayNode values = JsonOutput.mapper().createArrayNode();
    if (frame.isErrorReply()) {
      json.set("error", error(data, edition, function));
    } else if (function.isPresent()) {
      body(function.get(), frame, edition, json, values);
    }
    json.set("values", values);
    return json;
  }

  private static ObjectNode error(ByteBuf data, Dlt645Edition edition, Optional<Dlt645Function> function) {
    ObjectNode error = JsonOutput.object();
    if (!data.isReadable()) {
      error.putNull("code");
      error.putArray("reasons");
      return error;
    }
    if (function.orElse(null) == Dlt645Function.SECURITY_AUTHENTICATION && data.readableBytes() >= 2) {
      error.put("code", String.format("%04X", data.getUnsignedShortLE(0)));
      error.putArray("reasons").add("SECURITY_ERROR_WORD");
      return error;
    }
    int code = data.getUnsignedByte(0);
    error.put("code", String.format("%02X", code));
    ArrayNode reasons = error.putArray("reasons");
    Dlt645ErrorReason.decode(code, edition).forEach(r -> reasons.add(r.name()));
    return error;
  }

  private static void body(Dlt645Function function, Dlt645Frame frame, Dlt645Edition edition, ObjectNode json,
      ArrayNode values) {
    ByteBuf data = frame.data();
    switch (function) {
      case READ_DATA, READ_FOLLOW_UP, WRITE_DATA, SECURITY_AUTHENTICATION -> {
        if (data.readableBytes() >= edition.diLength()) {
          json.put("di", Dlt645DataId.format(Dlt645DataId.read(data, 0, edition), edition));
          if (frame.isResponse() && function != Dlt645Function.WRITE_DATA) {
            readValues(data, edition, values);
          }
        }
      }
      case BROADCAST_TIME_SYNC -> {
        if (data.readableBytes() == 6) {
          values.addObject().put("name", "time").put("value", String.format("20%02X-%02X-%02XT%02X:%02X:%02X",
              data.getByte(5), data.getByte(4), data.getByte(3), data.getByte(2), data.getByte(1), data.getByte(0)))
              .put("unit", "");
        }
      }
      case READ_ADDRESS, WRITE_ADDRESS -> {
        if (data.readableBytes() >= Dlt645Address.LENGTH) {
          values.addObject().put("name", "address").put("value", Dlt645Address.readFrom(data, 0).toString())
              .put("unit", "");
        }
      }
      case RELAY_CONTROL -> relay(data, frame.isResponse(), values);
      default -> { }
    }
  }

  private static void readValues(ByteBuf data, Dlt645Edition edition, ArrayNode values) {
    Dlt645Catalogue catalogue = Dlt645Catalogue.of(edition);
    Dlt645ValueCodec.decodeReply(catalogue, data).ifPresent(decoded -> {
      Dlt645ValueJson.append(catalogue, decoded.item(), decoded.value(), values);
      byte[] trailing = decoded.trailing();
      if (trailing.length > 0) {
        values.addObject().put("name", "undefined trailing bytes").put("value", HexInput.hex(trailing, 0, trailing.length))
            .put("unit", "");
      }
    });
  }

  /** Relay request: password (4), operator (4), N1 type, N2, N3..N8 deadline ssmmhhDDMMYY. */
  private static void relay(ByteBuf data, boolean response, ArrayNode values) {
    if (response || data.readableBytes() < 16) {
      return;
    }
    int type = data.getUnsignedByte(8);
    String name = switch (type) {
      case 0x1A -> "TRIP";
      case 0x1B -> "CLOSE_ALLOWED";
      case 0x1C -> "CLOSE_DIRECT";
      case 0x2A -> "ALARM";
      case 0x2B -> "ALARM_RELEASE";
      case 0x3A -> "KEEP_POWER";
      case 0x3B -> "KEEP_POWER_RELEASE";
      default -> String.format("UNKNOWN_%02X", type);
    };
    values.addObject().put("name", "command").put("value", name).put("unit", "");
    values.addObject().put("name", "valid until").put("value", String.format("20%02X-%02X-%02XT%02X:%02X:%02X",
        data.getByte(15), data.getByte(14), data.getByte(13), data.getByte(12), data.getByte(11), data.getByte(10)))
        .put("unit", "");
  }

  /**
   * The edition a frame is written in when the user did not say: 2007 codes are 11H..1DH, 1997's are below; 03H
   * is a 1997 re-read when it carries no data and a 2007 security authentication otherwise; 08H (time sync) is
   * identical in both and reported as 2007.
   */
  static Dlt645Edition recognise(Dlt645Frame frame) {
    int bits = frame.functionBits();
    if (bits >= 0x11 || bits == 0x08) {
      return Dlt645Edition.V2007;
    }
    if (bits == 0x03) {
      return frame.dataLength() == 0 ? Dlt645Edition.V1997 : Dlt645Edition.V2007;
    }
    return Dlt645Edition.V1997;
  }

  private static String hex(ByteBuf data) {
    byte[] bytes = new byte[data.readableBytes()];
    data.getBytes(data.readerIndex(), bytes);
    return HexInput.hex(bytes, 0, bytes.length);
  }
}
