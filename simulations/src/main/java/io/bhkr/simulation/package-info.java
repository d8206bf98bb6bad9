/** Market simulations driven by the production rules of {@code io.bhkr.rules}; see docs/simulations.md. */
package io.bhkr.simulation;
