package io.emms.modbus.pdu;

import java.util.List;

/**
 * Function 0x15: write file record, one or more groups of registers into the server's files.
 *
 * @param records 1..35 sub-requests taking at most 251 bytes together (seven bytes of header plus two per register
 *     each)
 */
public record WriteFileRecordRequest(List<FileRecord> records) implements ModbusRequest {

  /** The most bytes the sub-requests may take (request data length 0xFB). */
  public static final int MAX_DATA_LENGTH = 0xFB;

  public WriteFileRecordRequest {
    records = Fields.requireFileRecords(records);
  }

  /** A request writing these values from record {@code recordNumber} of file {@code fileNumber}. */
  public static WriteFileRecordRequest of(int fileNumber, int recordNumber, int... values) {
    return new WriteFileRecordRequest(List.of(FileRecord.of(fileNumber, recordNumber, values)));
  }

  @Override
  public int functionCode() {
    return 0x15;
  }
}
