package io.emms.modbus.pdu;

import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import io.netty.buffer.ByteBufUtil;

/** Our request records as digitalpetri/modbus 2.1.3 records, for cross-checking encodings. */
final class DigitalpetriPdus {

  private DigitalpetriPdus() {}

  /** The same request in digitalpetri's model, or {@code null} for a function it does not model. */
  static ModbusRequestPdu request(ModbusRequest r) {
    if (r instanceof ReadCoilsRequest q) {
      return new com.digitalpetri.modbus.pdu.ReadCoilsRequest(q.address(), q.quantity());
    } else if (r instanceof ReadDiscreteInputsRequest q) {
      return new com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest(q.address(), q.quantity());
    } else if (r instanceof ReadHoldingRegistersRequest q) {
      return new com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest(q.address(), q.quantity());
    } else if (r instanceof ReadInputRegistersRequest q) {
      return new com.digitalpetri.modbus.pdu.ReadInputRegistersRequest(q.address(), q.quantity());
    } else if (r instanceof WriteSingleCoilRequest q) {
      return new com.digitalpetri.modbus.pdu.WriteSingleCoilRequest(q.address(), q.on());
    } else if (r instanceof WriteSingleRegisterRequest q) {
      return new com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest(q.address(), q.value());
    } else if (r instanceof WriteMultipleCoilsRequest q) {
      return new com.digitalpetri.modbus.pdu.WriteMultipleCoilsRequest(
          q.address(), q.quantity(), ByteBufUtil.getBytes(q.bits()));
    } else if (r instanceof WriteMultipleRegistersRequest q) {
      return new com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest(
          q.address(), q.quantity(), ByteBufUtil.getBytes(q.registers()));
    } else if (r instanceof MaskWriteRegisterRequest q) {
      return new com.digitalpetri.modbus.pdu.MaskWriteRegisterRequest(q.address(), q.andMask(), q.orMask());
    } else if (r instanceof ReadWriteMultipleRegistersRequest q) {
      return new com.digitalpetri.modbus.pdu.ReadWriteMultipleRegistersRequest(
          q.readAddress(), q.readQuantity(), q.writeAddress(), q.writeQuantity(), ByteBufUtil.getBytes(q.registers()));
    }
    return null;
  }
}
