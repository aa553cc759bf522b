package io.emms.modbus.frame;

import io.emms.modbus.pdu.ModbusPdu;
import java.util.OptionalInt;

/**
 * One frame taken apart by {@link ModbusFrameInspector}, for tools that show what is on the wire.
 *
 * @param framing how the frame was framed
 * @param transactionId the MBAP transaction id; empty for RTU and ASCII
 * @param unitId the unit id or server address, or -1 if the frame is too short to have one
 * @param checksumOk RTU: the CRC matches; ASCII: the LRC matches; TCP: the MBAP header is consistent (protocol id
 *     0, length matching the frame)
 * @param pdu the decoded PDU, or {@code null} if it could not be decoded; decoded even when the checksum fails
 * @param problem what is wrong with the frame, or {@code null} if nothing is
 */
public record InspectedFrame(
    Framing framing, OptionalInt transactionId, int unitId, boolean checksumOk, ModbusPdu pdu, String problem) {

  /** Whether the frame checks out and its PDU decoded. */
  public boolean ok() {
    return problem == null;
  }
}
