/**
 * DL/T 645 as a fleet protocol ({@code dlt645-2007}, {@code dlt645-1997}): the {@link io.emms.bus.fleet.MeterProtocol}
 * that lets fleet files and {@code emms poll} read DL/T 645 meters on a shared line.
 */
package io.emms.dlt645.fleet;
