@NullMarked
package dev.qhook.spi;

import org.jspecify.annotations.NullMarked;
