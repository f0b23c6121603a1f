/**
 * The benchmark kit: main classes that {@code bench/run.sh} starts (baselines, receivers, runs of
 * the engine) and the result table it prints. Not published; not API.
 */
@NullMarked
package dev.qhook.bench;

import org.jspecify.annotations.NullMarked;
