/**
 * JSON paths, filter expressions, templates and event-type patterns
 * (docs/reference/configuration.md, "Expressions").
 */
@NullMarked
package dev.qhook.internal.expr;

import org.jspecify.annotations.NullMarked;
