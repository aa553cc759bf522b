package io.emms.modbus.pdu;

import java.util.List;

/**
 * Response to function 0x15 (write file record): an echo of the request.
 *
 * @param records the sub-requests written, as in {@link WriteFileRecordRequest}
 */
public record WriteFileRecordResponse(List<FileRecord> records) implements ModbusResponse {

  public WriteFileRecordResponse {
    records = Fields.requireFileRecords(records);
  }

  @Override
  public int functionCode() {
    return 0x15;
  }
}
