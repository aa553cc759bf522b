/**
 * Several simulated meters of several protocols answering on one link, as on a real RS-485 line: DL/T 645 meters
 * of both editions beside Modbus RTU units. For tests, demos and fleets without hardware.
 */
package io.emms.simulator;
