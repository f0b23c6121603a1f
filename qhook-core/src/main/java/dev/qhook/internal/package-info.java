/**
 * Implementation details of qhook. Nothing here is API: classes may change or vanish in any
 * release. Applications use {@code dev.qhook}, {@code dev.qhook.config} and {@code dev.qhook.spi}.
 */
@NullMarked
package dev.qhook.internal;

import org.jspecify.annotations.NullMarked;
