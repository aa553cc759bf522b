package io.emms.modbus.server;

/**
 * What a {@link ModbusServer} has counted since it was created.
 *
 * @param requests requests answered (normal or exception response)
 * @param exceptionResponses requests answered with an exception response
 * @param ignoredFrames frames not answered: serial frames for other units, broadcasts, PDUs that cannot be requests
 */
public record ModbusServerStats(long requests, long exceptionResponses, long ignoredFrames) {}
