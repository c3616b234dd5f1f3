/**
 * The generic stock-and-flow model: named slots ({@code v[slot][step]}), parts that compute
 * them, the builder that orders parts and reports same-step cycles, the interpreter and the
 * generated Java code. Knows nothing of councils or files.
 */
package org.pressure.engine.model;
