/**
 * The parts of {@link dev.qhook.testkit.StoreContractTest}: one interface of default test methods
 * per area of the {@link dev.qhook.spi.Store} contract, and the test data they share.
 */
@NullMarked
package dev.qhook.testkit.store;

import org.jspecify.annotations.NullMarked;
