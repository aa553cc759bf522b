package io.emms.modbus.pdu;

/** A request from a client (master) to a server (slave). */
public sealed interface ModbusRequest extends ModbusPdu
    permits ReadCoilsRequest,
        ReadDiscreteInputsRequest,
        ReadHoldingRegistersRequest,
        ReadInputRegistersRequest,
        WriteSingleCoilRequest,
        WriteSingleRegisterRequest,
        ReadExceptionStatusRequest,
        DiagnosticsRequest,
        GetCommEventCounterRequest,
        GetCommEventLogRequest,
        WriteMultipleCoilsRequest,
        WriteMultipleRegistersRequest,
        ReportServerIdRequest,
        MaskWriteRegisterRequest,
        ReadWriteMultipleRegistersRequest,
        ReadDeviceIdentificationRequest,
        ReadFileRecordRequest,
        WriteFileRecordRequest,
        ReadFifoQueueRequest,
        RawPdu {}
