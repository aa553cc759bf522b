/** Asynchronous meter interfaces that protocol modules implement. */
package io.emms.core.meter;
