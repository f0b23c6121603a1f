@NullMarked
package dev.qhook.verify;

import org.jspecify.annotations.NullMarked;
