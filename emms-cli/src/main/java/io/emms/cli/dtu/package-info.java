/**
 * The DTU side of {@code emms}: {@code emms simulate dtu} and the {@link io.emms.cli.dtu.DtuSimulator} behind it,
 * and the {@code --dtu-listen} options of {@code emms poll}.
 */
package io.emms.cli.dtu;
