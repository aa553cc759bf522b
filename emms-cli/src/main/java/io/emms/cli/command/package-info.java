/**
 * What every {@code emms} command shares: the exit-code rule and how failures become one line, link options,
 * progress on a terminal, inherited options and waiting until stopped.
 */
package io.emms.cli.command;
