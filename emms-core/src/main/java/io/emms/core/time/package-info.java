/** Time as people write it: durations in URIs, files and command lines. */
package io.emms.core.time;
