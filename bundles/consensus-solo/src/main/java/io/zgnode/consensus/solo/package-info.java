/** The solo engine: private, as every implementation package. */
package io.zgnode.consensus.solo;
