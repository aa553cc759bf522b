/**
 * Modbus as a fleet protocol ({@code modbus:UNIT:PROFILE}): the {@link io.emms.bus.fleet.MeterProtocol} that lets
 * fleet files and {@code emms poll} read profiled Modbus meters on a shared line.
 */
package io.emms.modbus.fleet;
