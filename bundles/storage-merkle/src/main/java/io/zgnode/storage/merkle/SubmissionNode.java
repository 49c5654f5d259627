package io.zgnode.storage.merkle;

import io.zgnode.api.chain.Hash;
import java.util.Objects;

/** One node of a submission: the root of 2<sup>height</sup> consecutive chunks of the padded file. */
public record SubmissionNode(Hash root, int height) {

    public SubmissionNode {
        Objects.requireNonNull(root, "root");
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative, got " + height);
        }
    }
}
