/** The DTU server's connection pipeline and the matchers behind the public factories; not part of the API. */
package io.emms.transport.dtu.internal;
