/** What the NB-IoT endpoint and the modem driver share (AT line splitting, Californium set-up); not public API. */
package io.emms.transport.nbiot.internal;
