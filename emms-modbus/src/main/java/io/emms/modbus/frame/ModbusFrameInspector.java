package io.emms.modbus.frame;

import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.ModbusDecodeException;
import io.emms.modbus.pdu.ModbusPdu;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Takes one whole captured frame apart and reports everything it can, even for a frame that fails its checks:
 * the entry point for decode tools. The result is independent of the input array (its payload views are on a
 * private copy that needs no release).
 */
public final class ModbusFrameInspector {

  private ModbusFrameInspector() {}

  /**
   * @param frame exactly one frame: an MBAP frame (TCP), an RTU frame with its CRC, or an ASCII frame from ':' to LF
   * @param direction whether the frame is a request or a response
   */
  public static InspectedFrame inspect(byte[] frame, Framing framing, Direction direction) {
    ByteBuf buf = Unpooled.wrappedBuffer(frame.clone());
    switch (framing) {
      case TCP:
        return tcp(buf, direction);
      case RTU:
        return rtu(buf, direction);
      default:
        return ascii(buf, new String(frame, StandardCharsets.US_ASCII), direction);
    }
  }

  private static InspectedFrame tcp(ByteBuf buf, Direction direction) {
    int size = buf.readableBytes();
    if (size < MbapFrameDecoder.HEADER_LENGTH + 1) {
      return new InspectedFrame(Framing.TCP, OptionalInt.empty(), -1, false, null,
          "frame of " + size + " bytes is shorter than an MBAP header and a function code");
    }
    int protocolId = buf.getUnsignedShort(2);
    int length = buf.getUnsignedShort(4);
    String problem = null;
    if (protocolId != 0) {
      problem = "protocol id " + protocolId + " is not 0";
    } else if (length != size - 6) {
      problem = "MBAP length " + length + " but " + (size - 6) + " bytes follow it";
    } else if (size > MbapFrameDecoder.MAX_FRAME_LENGTH) {
      problem = "frame of " + size + " bytes exceeds 260";
    }
    return withPdu(Framing.TCP, OptionalInt.of(buf.getUnsignedShort(0)), buf.getUnsignedByte(6), problem == null,
        problem, buf.slice(7, size - 7), direction);
  }

  private static InspectedFrame rtu(ByteBuf buf, Direction direction) {
    int size = buf.readableBytes();
    if (size < 4) {
      return new InspectedFrame(Framing.RTU, OptionalInt.empty(), size > 0 ? buf.getUnsignedByte(0) : -1, false,
          null, "frame of " + size + " bytes is shorter than address, function code and CRC");
    }
    boolean crcOk = Crc16.matches(buf, 0, size);
    String problem = crcOk ? null : String.format("CRC %04X does not match the frame's %02X %02X",
        Crc16.compute(buf, 0, size - 2), buf.getUnsignedByte(size - 2), buf.getUnsignedByte(size - 1));
    return withPdu(Framing.RTU, OptionalInt.empty(), buf.getUnsignedByte(0), crcOk, problem, buf.slice(1, size - 3),
        direction);
  }

  private static InspectedFrame ascii(ByteBuf buf, String text, Direction direction) {
    AsciiFrameDecoder decoder = new AsciiFrameDecoder();
    SerialFrame frame = decoder.decode(buf);
    if (frame == null) {
      String problem = decoder.checksumErrors() > 0
          ? "LRC does not match"
          : "not an ASCII frame (':', hex pairs, CR LF): " + text.strip();
      return new InspectedFrame(Framing.ASCII, OptionalInt.empty(), -1, false, null, problem);
    }
    String problem = buf.isReadable() ? buf.readableBytes() + " bytes after the frame" : null;
    return withPdu(Framing.ASCII, OptionalInt.empty(), frame.unitId(), true, problem, frame.pdu(), direction);
  }

  private static InspectedFrame withPdu(Framing framing, OptionalInt transactionId, int unitId, boolean checksumOk,
      String problem, ByteBuf pdu, Direction direction) {
    try {
      ModbusPdu decoded = ModbusPduDecoder.decode(pdu, direction);
      return new InspectedFrame(framing, transactionId, unitId, checksumOk, decoded, problem);
    } catch (ModbusDecodeException e) {
      String message = problem == null ? e.getMessage() : problem + "; " + e.getMessage();
      return new InspectedFrame(framing, transactionId, unitId, checksumOk, null, message);
    }
  }
}
