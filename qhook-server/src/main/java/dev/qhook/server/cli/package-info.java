/**
 * The {@code qhook} command line: {@code start} (the default), {@code validate}, {@code init} and
 * {@code send}. Exit status 0 on success, 1 on failure, 2 on a usage error.
 */
@NullMarked
package dev.qhook.server.cli;

import org.jspecify.annotations.NullMarked;
