package io.zgnode.da;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the DA node (PID {@code io.zgnode.da}). */
@ObjectClassDefinition(name = "zgnode DA node", description = "The DA signer (its key, how long it keeps rows) and the disperser (timeouts, batching)")
public @interface DaConfig {

    String PID = "io.zgnode.da";

    @AttributeDefinition(description = "the DA signer's secp256k1 key file ({\"type\":\"secp256k1\",\"privateKey\":\"0x..\"}); empty: this node does not sign rows")
    String signerKeyFile() default "";

    @AttributeDefinition(description = "epochs a signer keeps a blob's rows after the blob's epoch, before pruning them")
    int retentionEpochs() default 10;

    @AttributeDefinition(description = "how long the disperser waits for the signers' signatures of one blob, milliseconds")
    long signatureTimeoutMillis() default 60_000;

    @AttributeDefinition(description = "how long the disperser waits for its certificate to be committed, milliseconds")
    long certificateTimeoutMillis() default 60_000;

    @AttributeDefinition(description = "rows one da_storeRows call carries to a signer")
    int rowsPerCall() default 256;

    @AttributeDefinition(description = "blobs one node encodes and disperses at the same time; more wait their turn")
    int concurrentDispersals() default 2;

    @AttributeDefinition(description = "blocks after the certificate's block before a blob's status turns from CONFIRMED to FINALIZED")
    int finalizedDepth() default 2;
}
