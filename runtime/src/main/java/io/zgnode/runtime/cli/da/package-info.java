/**
 * The DA client commands ({@code client da-submit}, {@code da-get}, {@code da-sample}): they talk
 * to a DA node's {@code da_*} methods and check what comes back with the blob format's own code
 * (io.zgnode.da.blob), so a client trusts no node for the bytes it gets.
 */
package io.zgnode.runtime.cli.da;
