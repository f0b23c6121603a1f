@NullMarked
package dev.qhook.server;

import org.jspecify.annotations.NullMarked;
