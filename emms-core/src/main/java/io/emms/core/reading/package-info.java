/** The protocol-neutral model: quantities with units and exact-decimal readings with quality. */
package io.emms.core.reading;
