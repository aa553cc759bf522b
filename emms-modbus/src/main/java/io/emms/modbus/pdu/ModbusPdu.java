package io.emms.modbus.pdu;

/** A Modbus protocol data unit: a function code and its data, independent of the framing (TCP, RTU, ASCII). */
public sealed interface ModbusPdu permits ModbusRequest, ModbusResponse {

  /** The function code, 1..127; for an {@link ExceptionResponse} the function that failed (without bit 0x80). */
  int functionCode();
}
