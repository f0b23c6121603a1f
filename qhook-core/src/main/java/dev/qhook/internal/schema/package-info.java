/** JSON Schema (draft 2020-12) checks of event bodies against a source's {@code schema}. */
@NullMarked
package dev.qhook.internal.schema;

import org.jspecify.annotations.NullMarked;
