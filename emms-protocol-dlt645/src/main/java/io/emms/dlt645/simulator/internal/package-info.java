/** BCD helpers of the simulator's responders; not API. */
package io.emms.dlt645.simulator.internal;
