package io.emms.modbus.pdu;

import java.util.List;

/**
 * Function 0x14: read file record, one or more groups of registers from the server's files.
 *
 * @param references 1..35 sub-requests whose answers fit one response PDU (at most 245 bytes of sub-responses, two
 *     bytes of header plus two per register each)
 */
public record ReadFileRecordRequest(List<FileRecordReference> references) implements ModbusRequest {

  /** The most bytes the sub-requests or sub-responses may take (byte count 0xF5). */
  public static final int MAX_DATA_LENGTH = 0xF5;

  public ReadFileRecordRequest {
    references = List.copyOf(references);
    if (references.isEmpty() || 7 * references.size() > MAX_DATA_LENGTH) {
      throw new IllegalArgumentException(references.size() + " sub-requests, expected 1..35");
    }
    int answer = 0;
    for (FileRecordReference r : references) {
      answer += 2 + 2 * r.recordLength();
    }
    if (answer > MAX_DATA_LENGTH) {
      throw new IllegalArgumentException("the answer would take " + answer + " bytes, more than 245");
    }
  }

  /** A request for one group of registers. */
  public static ReadFileRecordRequest of(int fileNumber, int recordNumber, int recordLength) {
    return new ReadFileRecordRequest(List.of(new FileRecordReference(fileNumber, recordNumber, recordLength)));
  }

  @Override
  public int functionCode() {
    return 0x14;
  }
}
