package io.emms.modbus.pdu;

/** A response from a server (slave) to a client (master): a normal response or an {@link ExceptionResponse}. */
public sealed interface ModbusResponse extends ModbusPdu
    permits ReadCoilsResponse,
        ReadDiscreteInputsResponse,
        ReadHoldingRegistersResponse,
        ReadInputRegistersResponse,
        WriteSingleCoilResponse,
        WriteSingleRegisterResponse,
        ReadExceptionStatusResponse,
        DiagnosticsResponse,
        GetCommEventCounterResponse,
        GetCommEventLogResponse,
        WriteMultipleCoilsResponse,
        WriteMultipleRegistersResponse,
        ReportServerIdResponse,
        MaskWriteRegisterResponse,
        ReadWriteMultipleRegistersResponse,
        ReadDeviceIdentificationResponse,
        ReadFileRecordResponse,
        WriteFileRecordResponse,
        ReadFifoQueueResponse,
        ExceptionResponse,
        RawPdu {}
