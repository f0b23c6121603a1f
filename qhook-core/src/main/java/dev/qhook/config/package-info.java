@NullMarked
package dev.qhook.config;

import org.jspecify.annotations.NullMarked;
