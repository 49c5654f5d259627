package io.zgnode.storage;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the storage node (PID {@code io.zgnode.storage}). */
@ObjectClassDefinition(name = "zgnode storage node", description = "The 0G log layer: which shard this node keeps, upload limits, sync")
public @interface StorageConfig {

    String PID = "io.zgnode.storage";

    @AttributeDefinition(description = "the shard this node keeps, id/num (num a power of two): segments whose flow index is id modulo num")
    String shard() default "0/1";

    @AttributeDefinition(description = "segments one zgs_uploadSegments call may carry (256 KiB each)")
    int maxSegmentsPerCall() default 64;

    @AttributeDefinition(description = "the JSON-RPC URL other nodes and the indexer advertise for this node; empty: this node's RPC server URL")
    String advertisedUrl() default "";

    @AttributeDefinition(description = "how often the node looks for segments of its shard it lacks, milliseconds")
    long syncIntervalMillis() default 1_000;
}
