package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * One object of a read device identification response, e.g. 0x00 vendor name, 0x01 product code, 0x02 revision.
 *
 * @param id the object id, 0..255
 * @param value 0..255 bytes, ASCII for the basic and regular objects; a view, see the package docs for ownership
 */
public record DeviceIdObject(int id, ByteBuf value) {

  public DeviceIdObject {
    Fields.requireU8("id", id);
    Fields.requireBytes("value", value, 0, 255);
  }

  /** An object with an ASCII value, in a heap buffer that needs no release. */
  public static DeviceIdObject of(int id, String value) {
    return new DeviceIdObject(id, Unpooled.wrappedBuffer(value.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The value read as ASCII text. */
  public String text() {
    return value.toString(StandardCharsets.US_ASCII);
  }
}
