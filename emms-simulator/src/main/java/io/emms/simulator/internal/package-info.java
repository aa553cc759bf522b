/** The per-protocol views of the one link a responder serves. */
package io.emms.simulator.internal;
