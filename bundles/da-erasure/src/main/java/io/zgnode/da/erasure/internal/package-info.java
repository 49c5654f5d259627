/**
 * Implementation of io.zgnode.da.erasure: the field, bit-sliced multiplication, the additive FFT, the
 * erasure locator, encoding and recovery per tile of symbol columns. Private: not exported.
 */
package io.zgnode.da.erasure.internal;
