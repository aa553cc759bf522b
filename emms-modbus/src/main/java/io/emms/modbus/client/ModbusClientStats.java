package io.emms.modbus.client;

/**
 * What a {@link ModbusClient} has counted since it was created.
 *
 * @param staleResponses responses that matched no request in flight (late replies after a timeout, unknown
 *     transaction ids); dropped
 * @param foreignUnitResponses serial replies from a unit other than the one asked; ignored while the response
 *     timer kept running
 * @param timeouts requests whose response timer expired (each attempt counts)
 * @param retries requests sent again after a timeout
 */
public record ModbusClientStats(long staleResponses, long foreignUnitResponses, long timeouts, long retries) {}
