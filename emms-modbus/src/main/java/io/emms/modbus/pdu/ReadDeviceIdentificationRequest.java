package io.emms.modbus.pdu;

import java.util.Objects;

/**
 * Function 0x2B / MEI 0x0E: read device identification.
 *
 * @param code basic, regular or extended stream access, or one individual object
 * @param objectId the object to start at (stream access) or to read (individual access), 0..255
 */
public record ReadDeviceIdentificationRequest(ReadDeviceIdCode code, int objectId) implements ModbusRequest {

  /** The MEI type of read device identification. */
  public static final int MEI_TYPE = 0x0E;

  public ReadDeviceIdentificationRequest {
    Objects.requireNonNull(code, "code");
    Fields.requireU8("objectId", objectId);
  }

  @Override
  public int functionCode() {
    return 0x2B;
  }
}
