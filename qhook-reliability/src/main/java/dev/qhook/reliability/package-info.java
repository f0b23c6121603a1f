/**
 * The reliability kit run by {@code reliability/run.sh} (docs/reliability.md): what producers had
 * acknowledged is compared with what a receiver saw, while the kit kills the server, stops its
 * database or its receiver, or fuzzes its inputs.
 */
@NullMarked
package dev.qhook.reliability;

import org.jspecify.annotations.NullMarked;
