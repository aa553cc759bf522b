package io.emms.modbus.pdu;

/**
 * One sub-request of function 0x14 (read file record): {@code recordLength} registers from record
 * {@code recordNumber} of file {@code fileNumber}. The reference type on the wire is always 6.
 *
 * @param fileNumber the file, 1..65535
 * @param recordNumber the first record, 0..{@value #MAX_RECORD_NUMBER}
 * @param recordLength how many registers, at least 1, with {@code recordNumber + recordLength - 1} still a record
 */
public record FileRecordReference(int fileNumber, int recordNumber, int recordLength) {

  /** The reference type every file record sub-request carries (Modbus Application Protocol v1.1b3 §6.14). */
  public static final int REFERENCE_TYPE = 6;

  /** The highest record number of a file (0x270F). */
  public static final int MAX_RECORD_NUMBER = 9999;

  public FileRecordReference {
    Fields.requireFileRange(fileNumber, recordNumber, recordLength);
  }
}
