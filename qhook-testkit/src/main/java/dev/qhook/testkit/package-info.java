@NullMarked
package dev.qhook.testkit;

import org.jspecify.annotations.NullMarked;
