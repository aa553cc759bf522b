package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * One sub-request of function 0x15 (write file record), echoed in its response: registers written from record
 * {@code recordNumber} of file {@code fileNumber}. The reference type on the wire is always 6.
 *
 * @param fileNumber the file, 1..65535
 * @param recordNumber the first record, 0..9999
 * @param registers the register data, two bytes each, big-endian, at least one register and none past record 9999;
 *     a view, see the package docs for ownership
 */
public record FileRecord(int fileNumber, int recordNumber, ByteBuf registers) implements RegisterView {

  public FileRecord {
    Fields.requireRegisters("registers", registers, 122);
    Fields.requireFileRange(fileNumber, recordNumber, registers.readableBytes() >>> 1);
  }

  /** A record carrying these register values (0..65535), in a heap buffer that needs no release. */
  public static FileRecord of(int fileNumber, int recordNumber, int... values) {
    return new FileRecord(fileNumber, recordNumber, Fields.packRegisters(values));
  }

  /** The file, record and length this record covers. */
  public FileRecordReference reference() {
    return new FileRecordReference(fileNumber, recordNumber, registerCount());
  }
}
