package io.emms.modbus.pdu;

/**
 * Function 0x18: read FIFO queue, the registers queued behind a FIFO pointer register.
 *
 * @param address the FIFO pointer address, 0..65535
 */
public record ReadFifoQueueRequest(int address) implements ModbusRequest {

  public ReadFifoQueueRequest {
    Fields.requireU16("address", address);
  }

  @Override
  public int functionCode() {
    return 0x18;
  }
}
