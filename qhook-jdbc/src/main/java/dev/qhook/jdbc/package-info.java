@NullMarked
package dev.qhook.jdbc;

import org.jspecify.annotations.NullMarked;
