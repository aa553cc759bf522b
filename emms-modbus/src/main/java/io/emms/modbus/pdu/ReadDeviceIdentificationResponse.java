package io.emms.modbus.pdu;

import java.util.List;
import java.util.Objects;

/**
 * Response to function 0x2B / MEI 0x0E (read device identification). When the objects do not fit one response,
 * {@code moreFollows} is set and the client asks again from {@code nextObjectId}.
 *
 * @param code the access type echoed from the request
 * @param conformityLevel the identification conformity level of the device (0x01..0x03, 0x81..0x83)
 * @param moreFollows whether more objects follow (0xFF on the wire)
 * @param nextObjectId the object to ask for next when {@code moreFollows}, otherwise 0
 * @param objects the objects in this response, at most 255
 */
public record ReadDeviceIdentificationResponse(
    ReadDeviceIdCode code, int conformityLevel, boolean moreFollows, int nextObjectId, List<DeviceIdObject> objects)
    implements ModbusResponse {

  public ReadDeviceIdentificationResponse {
    Objects.requireNonNull(code, "code");
    Fields.requireU8("conformityLevel", conformityLevel);
    Fields.requireU8("nextObjectId", nextObjectId);
    objects = List.copyOf(objects);
    if (objects.size() > 255) {
      throw new IllegalArgumentException("at most 255 objects, got " + objects.size());
    }
  }

  @Override
  public int functionCode() {
    return 0x2B;
  }
}
