/**
 * The what-if page: a local HTTP server (the JDK's own) that runs a scenario with lever values
 * checked as {@code --set} values are, and the static page {@code publish} writes.
 */
package org.pressure.cli.serve;
