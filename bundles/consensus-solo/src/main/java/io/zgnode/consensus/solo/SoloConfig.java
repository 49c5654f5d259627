package io.zgnode.consensus.solo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the solo engine (PID {@code io.zgnode.consensus.solo}). */
@ObjectClassDefinition(name = "zgnode solo consensus", description = "One validator producing a block every interval")
public @interface SoloConfig {

    String PID = "io.zgnode.consensus.solo";

    @AttributeDefinition(description = "milliseconds between blocks")
    long intervalMillis() default 1000;

    @AttributeDefinition(description = "produce no block when the pool is empty")
    boolean skipEmptyBlocks() default false;

    @AttributeDefinition(description = "the address credited with priority fees; empty: the genesis's first validator, else the zero address")
    String proposer() default "";

    @AttributeDefinition(description = "the last height this engine produces; 0: no limit. With the BFT engine's startHeight one above, a chain hands over at that height")
    long stopHeight() default 0;
}
