/** JSON paths, filter expressions, templates and event-type patterns (SPEC §3.5, §3.7). */
@NullMarked
package dev.qhook.internal.expr;

import org.jspecify.annotations.NullMarked;
